package io.mpauthx.adapter.redis;

import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.in.CheckTokenUseCase;
import io.mpauthx.domain.port.in.LoginCommand;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.service.UseCases;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Numbers for docs/operations.md, on a redis-server of the testkit: {@code isTokenValid} from 64 threads with the
 * near cache, without it, and {@code redis-benchmark -t get -c 64 -n 200000} on the same server right after;
 * then how long a revocation on one store takes to reach the near cache of another (p50/p99/max over 1,000).
 * Not a test: speed is never asserted. Run it as docs/operations.md shows.
 */
final class NearCacheMeasurements {

    private static final int CHECKS = 2_000_000;
    private static final int PLAIN_CHECKS = 200_000;
    private static final int REVOCATIONS = 1_000;
    private static final Duration TTL = Duration.ofDays(3);

    private NearCacheMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalRedisServer server = LocalRedisServer.startOnFreePort();
             TokenStore plain = TestRedis.store(server);
             TokenStore nearA = nearCached(server);
             TokenStore nearB = nearCached(server)) {
            System.out.println("redis-server at " + server.uri() + ", load average " + loadAverage());
            throughput(plain, nearA, server);
            revocationVisibility(nearA, nearB);
            System.out.println("load average " + loadAverage());
        }
    }

    private static TokenStore nearCached(LocalRedisServer server) {
        return RedisAdapters.tokenStore(RedisSettings.builder().uri(server.uri()).build(), NearCacheSettings.defaults());
    }

    private static void throughput(TokenStore plain, TokenStore near, LocalRedisServer server) throws Exception {
        FakeWeChatGateway weChat = new FakeWeChatGateway();
        CheckTokenUseCase withoutCache = useCases(plain, weChat).checkTokens();
        UseCases withCache = useCases(near, weChat);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String userId = RedisTokenStoreMeasurements.owner(i).userId().value();
            tokens.add(withCache.authorize().authorize(LoginCommand.codeOnly(weChat.newCode(userId, null))).response());
        }
        RedisTokenStoreMeasurements.runChecks(withCache.checkTokens(), tokens, CHECKS);
        RedisTokenStoreMeasurements.runChecks(withoutCache, tokens, PLAIN_CHECKS);
        for (int round = 1; round <= 3; round++) {
            System.out.printf("round %d (load %s): isTokenValid, 64 threads, near cache: %.0f checks/s%n", round,
                    loadAverage(), RedisTokenStoreMeasurements.runChecks(withCache.checkTokens(), tokens, CHECKS));
            System.out.printf("round %d: isTokenValidAsync, one thread, 64 in flight, near cache: %.0f checks/s%n",
                    round, RedisTokenStoreMeasurements.runAsyncChecks(withCache.checkTokens(), tokens, CHECKS));
            System.out.printf("round %d: isTokenValid, 64 threads, no near cache: %.0f checks/s%n", round,
                    RedisTokenStoreMeasurements.runChecks(withoutCache, tokens, PLAIN_CHECKS));
            System.out.printf("round %d: redis-benchmark -t get -c 64 -n 200000: %s%n", round,
                    RedisTokenStoreMeasurements.redisBenchmark(server));
        }
    }

    private static UseCases useCases(TokenStore store, FakeWeChatGateway weChat) {
        return UseCases.create(new AuthSettings("wx1234567890abcdef", Sku.of("shop"), TTL, 10), store,
                InMemoryAdapters.userRepository(Clock.systemUTC()), weChat, new FakeDecryptor(), new SecureRandom());
    }

    /** From the moment {@code revoke} returns on A until B's check says "not live", B having cached "live". */
    private static void revocationVisibility(TokenStore a, TokenStore b) {
        TokenOwner owner = RedisTokenStoreMeasurements.owner(77_777);
        long[] micros = new long[REVOCATIONS];
        for (int i = 0; i < REVOCATIONS; i++) {
            TokenHash hash = TokenHash.ofSecret("revoked/" + i);
            a.issue(owner, NewToken.of(hash, TTL), 10);
            if (!b.isLive(owner, hash) || !b.isLive(owner, hash)) {
                throw new IllegalStateException("B does not see a token A issued");
            }
            a.revoke(owner, hash);
            long revoked = System.nanoTime();
            while (b.isLive(owner, hash)) {
                // two shared cores: leave the CPU to B's event loop, which applies the invalidation
                Thread.yield();
            }
            micros[i] = (System.nanoTime() - revoked) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("revocation visibility A -> B: p50 %d us, p99 %d us, max %d us over %d revocations%n",
                micros[REVOCATIONS / 2], micros[REVOCATIONS * 99 / 100], micros[REVOCATIONS - 1], REVOCATIONS);
    }

    private static String loadAverage() throws IOException {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format("%.2f", load);
    }
}
