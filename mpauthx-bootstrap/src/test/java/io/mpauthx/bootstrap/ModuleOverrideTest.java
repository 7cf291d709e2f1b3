package io.mpauthx.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.util.Modules;
import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.domain.DecryptedUserInfo;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.ForwardingTokenStore;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users swap an adapter by overriding the port's binding in {@link MpAuthXModule}. */
class ModuleOverrideTest {

    /** A store of the user's own: here it counts the checks it answers, delegating to the in-memory store. */
    static final class CountingTokenStore extends ForwardingTokenStore {
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();

        CountingTokenStore() {
            super(InMemoryAdapters.tokenStore(Clock.systemUTC()));
        }

        @Override
        public boolean isLive(TokenOwner owner, TokenHash hash) {
            checks.incrementAndGet();
            return super.isLive(owner, hash);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            super.close();
        }
    }

    @Test
    void overridingTheTokenStoreBindingSwapsTheAdapter() {
        FakeWeChatGateway weChat = new FakeWeChatGateway();
        MpAuthXConfig config = MpAuthX.builder()
                .appId("wxapp").appSecret("secret").sku("shop")
                .inMemoryUserRepository().inMemoryTokenStore()
                .weChatGateway(weChat).decryptor(new FakeDecryptor())
                .buildConfig();
        CountingTokenStore mine = new CountingTokenStore();

        try (MpAuthX auth = MpAuthXModule.createFacade(Modules.override(new MpAuthXModule(config))
                .with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(TokenStore.class).toInstance(mine);
                    }
                }))) {
            String token = auth.authorize(weChat.newCode("oCarl", null)).token();

            assertThat(auth.isTokenValid(token)).isTrue();
            assertThat(mine.checks).hasValue(1);
            assertThat(mine.liveTokens(new TokenOwner(Sku.of("shop"), UserId.of("oCarl")))).hasSize(1);
        }
    }

    @Test
    void wiringThatFailsHalfWayClosesWhatItAlreadyOpened() {
        CountingTokenStore opened = new CountingTokenStore();
        MpAuthXConfig config = configWith(opened);
        AbstractModule brokenUserDatabase = new AbstractModule() {
            @Provides
            UserRepository users() {
                throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, "user database unreachable");
            }
        };

        assertThatThrownBy(() -> MpAuthXModule.createFacade(
                Modules.override(new MpAuthXModule(config)).with(brokenUserDatabase)))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.getMessage()).contains("user database unreachable"));
        assertThat(opened.closes).hasValue(1);
    }

    /** A decryptor holding a resource of its own (a key store, a native library): closed with the facade. */
    static final class ClosableDecryptor implements Decryptor, AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();
        private final Decryptor fake = new FakeDecryptor();

        @Override
        public DecryptedUserInfo decrypt(String encryptedData, String iv, String sessionKey) {
            return fake.decrypt(encryptedData, iv, sessionKey);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    /** Made eagerly at injector creation, after the token store it needs was opened, then fails to start. */
    static final class FailingAtStart {
        @Inject
        FailingAtStart(TokenStore opened) {
            throw new IllegalStateException("audit log unavailable");
        }
    }

    /** A provider Guice cannot make: no constructor it may call. */
    static final class UnconstructibleProvider implements Provider<TokenStore> {
        UnconstructibleProvider(String missingArgument) {
        }

        @Override
        public TokenStore get() {
            throw new AssertionError("never made");
        }
    }

    @Test
    void aCustomDecryptorIsClosedWithTheFacade() {
        ClosableDecryptor decryptor = new ClosableDecryptor();
        MpAuthX auth = MpAuthX.builder().appId("wxapp").appSecret("secret").sku("shop")
                .inMemoryUserRepository().inMemoryTokenStore()
                .weChatGateway(new FakeWeChatGateway()).decryptor(decryptor)
                .build();

        auth.close();
        auth.close();

        assertThat(decryptor.closes).hasValue(1);
    }

    @Test
    void aPortBoundTwiceIsAConfigurationError() {
        assertWiringRefused(new AbstractModule() {
            @Override
            protected void configure() {
                bind(TokenStore.class).toInstance(new CountingTokenStore());
                bind(TokenStore.class).toInstance(new CountingTokenStore());
            }
        }, "TokenStore");
    }

    @Test
    void aProviderGuiceCannotMakeIsAConfigurationError() {
        assertWiringRefused(new AbstractModule() {
            @Override
            protected void configure() {
                bind(TokenStore.class).toProvider(UnconstructibleProvider.class);
            }
        }, "UnconstructibleProvider");
    }

    @Test
    void anOverrideThatFailsWhileTheInjectorIsCreatedClosesWhatWasOpened() {
        CountingTokenStore opened = new CountingTokenStore();
        MpAuthXConfig config = configWith(opened);

        assertThatThrownBy(() -> MpAuthXModule.createFacade(Modules.override(new MpAuthXModule(config))
                .with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(FailingAtStart.class).asEagerSingleton();
                    }
                })))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.UNKNOWN_ERROR));
        assertThat(opened.closes).hasValue(1);
    }

    private static MpAuthXConfig configWith(TokenStore tokens) {
        return MpAuthX.builder()
                .appId("wxapp").appSecret("secret").sku("shop")
                .tokenStore(tokens).inMemoryUserRepository()
                .weChatGateway(new FakeWeChatGateway()).decryptor(new FakeDecryptor())
                .buildConfig();
    }

    private static void assertWiringRefused(Module override, String expectedFragment) {
        MpAuthXConfig config = configWith(new CountingTokenStore());
        assertThatThrownBy(() -> MpAuthXModule.createFacade(Modules.override(new MpAuthXModule(config)).with(override)))
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
                    assertThat(e.getMessage()).contains("invalid MpAuthX wiring", expectedFragment);
                });
    }
}
