package io.mpauthx.domain.service;

import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.in.LoginCommand;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;

/**
 * What every use-case contract shares: the use cases wired on the stores under test, with WeChat and decryption
 * as hand-written fakes, and the logins the contracts make.
 */
public abstract class UseCasesFixture {

    protected static final String APP_ID = "wx1234567890abcdef";
    protected static final String SKU = "shop";
    protected static final Duration TTL = Duration.ofHours(1);

    protected final FakeWeChatGateway weChat = new FakeWeChatGateway();
    protected final FakeDecryptor decryptor = new FakeDecryptor();
    protected TokenStore tokenStore;
    protected UserRepository users;
    protected UseCases useCases;

    /** @return the stores to run on */
    protected abstract UseCaseStores stores();

    @BeforeEach
    void wire() {
        tokenStore = stores().newTokenStore();
        users = stores().newUserRepository();
        useCases = wire(settings(TTL, 10), tokenStore);
    }

    @AfterEach
    void release() {
        tokenStore.close();
        users.close();
    }

    protected static AuthSettings settings(Duration ttl, int devices) {
        return new AuthSettings(APP_ID, Sku.of(SKU), ttl, devices);
    }

    protected UseCases wire(AuthSettings settings, TokenStore store) {
        return UseCases.create(settings, store, users, weChat, decryptor, new SecureRandom());
    }

    protected static String uniqueId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    protected static UserProfile profile(String nickName) {
        return new UserProfile(nickName, 2, "zh_CN", "Shenzhen", "Guangdong", "China", "https://example.com/p.png");
    }

    protected boolean registered(String userId) {
        return users.exists(UserId.of(userId));
    }

    protected AuthResult oldFlowLogin(String openId, String unionIdInSession, String unionIdInData,
                                      UserProfile profile) {
        String code = weChat.newCode(openId, unionIdInSession);
        String data = decryptor.encrypt(openId, unionIdInData, profile);
        return useCases.authorize().authorize(LoginCommand.withProfile(code, data, "aXZpdml2aXZpdml2aXZpdg=="));
    }

    protected AuthResult codeOnlyLogin(String openId, String unionId) {
        return useCases.authorize().authorize(LoginCommand.codeOnly(weChat.newCode(openId, unionId)));
    }

    protected AuthResult loginOnDevice(String openId, String device) {
        return useCases.authorize().authorize(LoginCommand.codeOnly(weChat.newCode(openId, null)).onDevice(device));
    }

    protected boolean valid(String token) {
        return useCases.checkTokens().isTokenValid(token);
    }
}
