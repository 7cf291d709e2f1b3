package io.mpauthx.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.util.Modules;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Users swap an adapter by overriding the port's binding in {@link MpAuthXModule}. */
class ModuleOverrideTest {

    /** A store of the user's own: here it counts the checks it answers, delegating to the in-memory store. */
    static final class CountingTokenStore implements TokenStore {
        final AtomicInteger checks = new AtomicInteger();
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
}
