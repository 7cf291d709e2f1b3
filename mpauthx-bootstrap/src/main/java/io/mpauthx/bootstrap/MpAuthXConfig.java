package io.mpauthx.bootstrap;

import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.WeChatGateway;

import java.time.Clock;
import java.time.Duration;

/**
 * The validated, immutable configuration of one {@link MpAuthX}: made by {@link MpAuthXBuilder#buildConfig()},
 * consumed by {@link MpAuthXModule}. {@link #toString()} never shows the app secret.
 */
public final class MpAuthXConfig {

    private final AuthSettings settings;
    private final String appSecret;
    private final Clock clock;
    private final AdapterChoice<TokenStore> tokenStore;
    private final AdapterChoice<UserRepository> userRepository;
    private final AdapterChoice<WeChatGateway> weChatGateway;
    private final AdapterChoice<Decryptor> decryptor;

    MpAuthXConfig(AuthSettings settings, String appSecret, Clock clock, AdapterChoice<TokenStore> tokenStore,
                  AdapterChoice<UserRepository> userRepository, AdapterChoice<WeChatGateway> weChatGateway,
                  AdapterChoice<Decryptor> decryptor) {
        this.settings = settings;
        this.appSecret = appSecret;
        this.clock = clock;
        this.tokenStore = tokenStore;
        this.userRepository = userRepository;
        this.weChatGateway = weChatGateway;
        this.decryptor = decryptor;
    }

    /** @return app id, sku, token TTL and device cap */
    public AuthSettings settings() {
        return settings;
    }

    /** @return the Mini Program's app id */
    public String appId() {
        return settings.appId();
    }

    /** @return the sku every token is issued for */
    public String sku() {
        return settings.sku();
    }

    /** @return how long a token lives */
    public Duration tokenTtl() {
        return settings.tokenTtl();
    }

    /** @return the clock the in-process adapters run on */
    public Clock clock() {
        return clock;
    }

    String appSecret() {
        return appSecret;
    }

    AdapterChoice<TokenStore> tokenStore() {
        return tokenStore;
    }

    AdapterChoice<UserRepository> userRepository() {
        return userRepository;
    }

    AdapterChoice<WeChatGateway> weChatGateway() {
        return weChatGateway;
    }

    AdapterChoice<Decryptor> decryptor() {
        return decryptor;
    }

    @Override
    public String toString() {
        return "MpAuthXConfig[appId=" + settings.appId() + ", appSecret=<redacted>, sku=" + settings.sku()
                + ", tokenTtl=" + settings.tokenTtl() + ", maxTokensPerUser=" + settings.maxTokensPerUser()
                + ", tokenStore=" + tokenStore.description() + ", userRepository=" + userRepository.description()
                + ", weChatGateway=" + weChatGateway.description() + "]";
    }
}
