package io.mpauthx.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.adapter.postgres.PostgresAdapters;
import io.mpauthx.adapter.postgres.PostgresSettings;
import io.mpauthx.adapter.redis.RedisAdapters;
import io.mpauthx.adapter.sqlite.SqliteAdapters;
import io.mpauthx.adapter.wechat.WeChatAdapters;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.port.out.AppCredentials;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.PhoneNumbers;
import io.mpauthx.domain.port.out.SharedAppAccessToken;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.WeChatGateway;
import io.mpauthx.domain.service.ServerApiPorts;
import io.mpauthx.domain.service.UseCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Function;

/**
 * Binds every port of mpauthx to the adapters chosen in an {@link MpAuthXConfig}, and the {@link MpAuthX}
 * facade on top. Fast and side-effect free: adapters are opened by the providers, when first asked for.
 *
 * <p>Swap any adapter with {@code Modules.override(new MpAuthXModule(config)).with(yourModule)} binding the
 * port type, then {@code Guice.createInjector(...).getInstance(MpAuthX.class)} or {@link #createFacade}.
 */
public final class MpAuthXModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(MpAuthXModule.class);

    private final MpAuthXConfig config;
    /** The PostgreSQL opening users and tokens share while their stores are being opened; null otherwise. */
    private PostgresAdapters.Stores sharedPostgres;
    private int postgresStoresToOpen;

    /**
     * @param config the validated configuration, from {@link MpAuthXBuilder#buildConfig()}
     */
    public MpAuthXModule(MpAuthXConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Creates the injector for the module(s) and returns the facade. When the wiring fails, the adapters already
     * opened are closed and the failure is an {@link MpAuthXException}.
     *
     * @param module {@code MpAuthXModule}, possibly overridden
     * @return the ready facade
     * @throws MpAuthXException 6001 when the modules bind something wrongly (a port bound twice, a provider Guice
     *     cannot make), the adapter's own code when one cannot be opened (6000 for a store), else 9999
     */
    public static MpAuthX createFacade(Module module) {
        // ours, not the injector's: a CreationException leaves no injector to ask what was opened
        OpenedAdapters opened = new OpenedAdapters();
        Module recordingOpened = Modules.override(module)
                .with(binder -> binder.bind(OpenedAdapters.class).toInstance(opened));
        try {
            return Guice.createInjector(recordingOpened).getInstance(MpAuthX.class);
        } catch (CreationException | ConfigurationException | ProvisionException failure) {
            opened.closeAll();
            throw WiringFailures.asMpAuthXException(failure);
        }
    }

    @Override
    protected void configure() {
        // every binding is a @Provides method below
    }

    @Provides
    @Singleton
    MpAuthXConfig config() {
        return config;
    }

    @Provides
    @Singleton
    AuthSettings settings() {
        return config.settings();
    }

    @Provides
    @Singleton
    OpenedAdapters openedAdapters() {
        return new OpenedAdapters();
    }

    /** Which token store runs: the one place the choice is read. */
    @Provides
    @Singleton
    TokenStore tokenStore(OpenedAdapters opened) {
        TokenStoreChoice choice = config.tokenStore();
        if (choice instanceof TokenStoreChoice.Redis redis) {
            return opened.register(RedisAdapters.tokenStore(redis.settings(), redis.nearCache()));
        }
        if (choice instanceof TokenStoreChoice.Postgres postgres) {
            return onSharedPostgres(opened, postgres.settings(),
                    stores -> stores.tokenStore(postgres.nearCache()));
        }
        if (choice instanceof TokenStoreChoice.Custom custom) {
            return opened.register(custom.store());
        }
        return opened.register(InMemoryAdapters.tokenStore(config.clock()));
    }

    /** Which user store runs. */
    @Provides
    @Singleton
    UserRepository userRepository(OpenedAdapters opened) {
        UserStoreChoice choice = config.userStore();
        if (choice instanceof UserStoreChoice.Sqlite sqlite) {
            return opened.register(SqliteAdapters.userRepository(sqlite.file(), config.clock()));
        }
        if (choice instanceof UserStoreChoice.Postgres postgres) {
            if (config.tokenStore() instanceof TokenStoreChoice.Postgres) {
                return onSharedPostgres(opened, postgres.settings(), PostgresAdapters.Stores::userRepository);
            }
            return opened.register(PostgresAdapters.userRepository(postgres.settings(), config.clock()));
        }
        if (choice instanceof UserStoreChoice.Custom custom) {
            return opened.register(custom.repository());
        }
        return opened.register(InMemoryAdapters.userRepository(config.clock()));
    }

    /**
     * Opens a store on the one PostgreSQL opening users and tokens share (one pool, one migration), opening it for
     * the first of the two and letting go of it once both stores hold it: the pool then closes with them.
     */
    private synchronized <T> T onSharedPostgres(OpenedAdapters opened, PostgresSettings settings,
                                                Function<PostgresAdapters.Stores, T> open) {
        if (sharedPostgres == null) {
            sharedPostgres = opened.register(PostgresAdapters.stores(settings, config.clock()));
            postgresStoresToOpen = 2;
        }
        T store = opened.register(open.apply(sharedPostgres));
        if (--postgresStoresToOpen == 0) {
            sharedPostgres.close();
            sharedPostgres = null;
        }
        return store;
    }

    /** How WeChat is reached. */
    @Provides
    @Singleton
    WeChatGateway weChatGateway(OpenedAdapters opened) {
        WeChatGatewayChoice choice = config.weChatGateway();
        if (choice instanceof WeChatGatewayChoice.Custom custom) {
            return opened.register(custom.gateway());
        }
        return opened.register(WeChatAdapters.gateway(((WeChatGatewayChoice.Http) choice).settings()));
    }

    /** How the old flow's user data is decrypted. */
    @Provides
    @Singleton
    Decryptor decryptor(OpenedAdapters opened) {
        if (config.decryptor() instanceof DecryptorChoice.Custom custom) {
            return opened.register(custom.decryptor());
        }
        return opened.register(WeChatAdapters.decryptor(config.appId()));
    }

    /** WeChat's stable_token: the app's access_token for the server APIs. */
    @Provides
    @Singleton
    AppCredentials appCredentials() {
        return WeChatAdapters.appCredentials(config.serverApis());
    }

    /** WeChat's getuserphonenumber. */
    @Provides
    @Singleton
    PhoneNumbers phoneNumbers() {
        return WeChatAdapters.phoneNumbers(config.serverApis());
    }

    /**
     * Where every instance finds the app's access_token: beside the tokens in Redis, so that instances sharing a
     * Redis share one token; in this process for the other token stores.
     */
    @Provides
    @Singleton
    SharedAppAccessToken sharedAppAccessToken(TokenStore tokenStore) {
        if (config.tokenStore() instanceof TokenStoreChoice.Redis) {
            try {
                return RedisAdapters.sharedAppAccessToken(tokenStore, config.appId());
            } catch (IllegalArgumentException replaced) {
                LOG.warn("the token store was replaced, so the app's WeChat access_token is kept in this process only");
            }
        }
        return InMemoryAdapters.sharedAppAccessToken(config.clock());
    }

    @Provides
    @Singleton
    ServerApiPorts serverApiPorts(AppCredentials credentials, SharedAppAccessToken sharedToken,
                                  PhoneNumbers phoneNumbers) {
        return new ServerApiPorts(credentials, sharedToken, phoneNumbers, config.accessTokenRefreshLease());
    }

    /** Micrometer's classes are loaded only here, and only when a registry was given. */
    @Provides
    @Singleton
    FacadeMetrics metrics() {
        return config.meterRegistry().isPresent()
                ? MicrometerMetrics.recordingInto(config.meterRegistry().get(), config.sku()) : FacadeMetrics.NONE;
    }

    @Provides
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Provides
    @Singleton
    UseCases useCases(AuthSettings settings, TokenStore tokenStore, UserRepository users, WeChatGateway weChat,
                      Decryptor decryptor, SecureRandom random, ServerApiPorts serverApis,
                      FacadeMetrics metrics) {
        WeChatGateway timedWeChat = metrics.records() ? new MeteredWeChatGateway(weChat, metrics) : weChat;
        return UseCases.create(settings, tokenStore, users, timedWeChat, decryptor, random, serverApis);
    }

    @Provides
    @Singleton
    MpAuthX mpAuthX(UseCases useCases, TokenStore tokenStore, UserRepository users, WeChatGateway weChat,
                    Decryptor decryptor, FacadeMetrics metrics) {
        metrics.watch(tokenStore);
        return new MpAuthX(useCases, config.sku(), metrics, tokenStore, users, weChat, decryptor);
    }
}
