package io.mpauthx.benchmarks;

import io.mpauthx.benchmarks.PortTimes.Part;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenId;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.WeChatGateway;

import java.util.List;
import java.util.Optional;

/** Decorators that time every call into a port and otherwise pass it through unchanged. */
final class TimedPorts {

    private TimedPorts() {
    }

    static TokenStore tokenStore(TokenStore store, PortTimes times) {
        return new TokenStore() {
            @Override
            public StoredToken issue(TokenOwner owner, NewToken token, int maxTokensPerOwner) {
                return times.time(Part.TOKEN_STORE, () -> store.issue(owner, token, maxTokensPerOwner));
            }

            @Override
            public StoredToken replaceAll(TokenOwner owner, NewToken token) {
                return times.time(Part.TOKEN_STORE, () -> store.replaceAll(owner, token));
            }

            @Override
            public boolean isLive(TokenOwner owner, TokenHash hash) {
                return times.time(Part.TOKEN_STORE, () -> store.isLive(owner, hash));
            }

            @Override
            public boolean revoke(TokenOwner owner, TokenHash hash) {
                return times.time(Part.TOKEN_STORE, () -> store.revoke(owner, hash));
            }

            @Override
            public boolean revoke(TokenOwner owner, TokenId id) {
                return times.time(Part.TOKEN_STORE, () -> store.revoke(owner, id));
            }

            @Override
            public int revokeAll(TokenOwner owner) {
                return times.time(Part.TOKEN_STORE, () -> store.revokeAll(owner));
            }

            @Override
            public List<StoredToken> liveTokens(TokenOwner owner) {
                return times.time(Part.TOKEN_STORE, () -> store.liveTokens(owner));
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }

    static UserRepository userRepository(UserRepository users, PortTimes times) {
        return new UserRepository() {
            @Override
            public void saveProfile(UserId userId, UserProfile profile) {
                times.time(Part.USER_REPOSITORY, () -> users.saveProfile(userId, profile));
            }

            @Override
            public void registerIfAbsent(UserId userId) {
                times.time(Part.USER_REPOSITORY, () -> users.registerIfAbsent(userId));
            }

            @Override
            public boolean savePhone(UserId userId, PhoneNumber phone) {
                return times.time(Part.USER_REPOSITORY, () -> users.savePhone(userId, phone));
            }

            @Override
            public Optional<User> find(UserId userId) {
                return times.time(Part.USER_REPOSITORY, () -> users.find(userId));
            }

            @Override
            public boolean exists(UserId userId) {
                return times.time(Part.USER_REPOSITORY, () -> users.exists(userId));
            }

            @Override
            public List<User> list(int offset, int limit) {
                return times.time(Part.USER_REPOSITORY, () -> users.list(offset, limit));
            }

            @Override
            public void close() {
                users.close();
            }
        };
    }

    static WeChatGateway weChatGateway(WeChatGateway gateway, PortTimes times) {
        return jsCode -> times.time(Part.WECHAT_GATEWAY, () -> gateway.exchangeCode(jsCode));
    }

    static Decryptor decryptor(Decryptor decryptor, PortTimes times) {
        return (encryptedData, iv, sessionKey) -> times.time(Part.DECRYPTOR,
                () -> decryptor.decrypt(encryptedData, iv, sessionKey));
    }
}
