package io.mpauthx.benchmarks;

import io.mpauthx.benchmarks.PortTimes.Part;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.WeChatGateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Decorators that time every call into a port and otherwise pass it through unchanged. */
final class TimedPorts {

    private TimedPorts() {
    }

    static TokenStore tokenStore(TokenStore store, PortTimes times) {
        return new TokenStore() {
            @Override
            public StoredToken issue(TokenOwner owner, TokenHash hash, Duration ttl, int maxTokensPerOwner) {
                return times.time(Part.TOKEN_STORE, () -> store.issue(owner, hash, ttl, maxTokensPerOwner));
            }

            @Override
            public StoredToken replaceAll(TokenOwner owner, TokenHash hash, Duration ttl) {
                return times.time(Part.TOKEN_STORE, () -> store.replaceAll(owner, hash, ttl));
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
            public void saveProfile(String userId, UserProfile profile) {
                times.time(Part.USER_REPOSITORY, () -> users.saveProfile(userId, profile));
            }

            @Override
            public void registerIfAbsent(String userId) {
                times.time(Part.USER_REPOSITORY, () -> users.registerIfAbsent(userId));
            }

            @Override
            public Optional<User> find(String userId) {
                return times.time(Part.USER_REPOSITORY, () -> users.find(userId));
            }

            @Override
            public boolean exists(String userId) {
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
