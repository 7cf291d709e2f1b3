package io.mpauthx.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.util.Modules;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users swap an adapter by overriding the port's binding in {@link MpAuthXModule}. */
class ModuleOverrideTest {

    /** A store of the user's own: here it counts the checks it answers, delegating to the in-memory store. */
    static final class CountingTokenStore implements TokenStore {
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        private final TokenStore delegate = io.mpauthx.adapter.memory.InMemoryAdapters.tokenStore(Clock.systemUTC());

        @Override
        public StoredToken issue(TokenOwner owner, TokenHash hash, Duration ttl, int maxTokensPerOwner) {
            return delegate.issue(owner, hash, ttl, maxTokensPerOwner);
        }

        @Override
        public StoredToken replaceAll(TokenOwner owner, TokenHash hash, Duration ttl) {
            return delegate.replaceAll(owner, hash, ttl);
        }

        @Override
        public boolean isLive(TokenOwner owner, TokenHash hash) {
            checks.incrementAndGet();
            return delegate.isLive(owner, hash);
        }

        @Override
        public boolean revoke(TokenOwner owner, TokenHash hash) {
            return delegate.revoke(owner, hash);
        }

        @Override
        public int revokeAll(TokenOwner owner) {
            return delegate.revokeAll(owner);
        }

        @Override
        public List<StoredToken> liveTokens(TokenOwner owner) {
            return delegate.liveTokens(owner);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            delegate.close();
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
            assertThat(mine.liveTokens(new TokenOwner("shop", "oCarl"))).hasSize(1);
        }
    }

    @Test
    void wiringThatFailsHalfWayClosesWhatItAlreadyOpened() {
        CountingTokenStore opened = new CountingTokenStore();
        MpAuthXConfig config = MpAuthX.builder()
                .appId("wxapp").appSecret("secret").sku("shop")
                .tokenStore(opened).inMemoryUserRepository()
                .weChatGateway(new FakeWeChatGateway()).decryptor(new FakeDecryptor())
                .buildConfig();
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
}
