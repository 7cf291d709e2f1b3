package io.mpauthx.adapter.redis;

import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.in.CheckTokenUseCase;
import io.mpauthx.domain.port.in.LoginCommand;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.service.UseCases;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers for docs/redis.md, measured on a redis-server of the testkit (never the machine's own): memory per
 * token, {@code isTokenValid} throughput from 64 threads next to {@code redis-benchmark -t get -c 64 -n 200000}
 * on the same server in the same minute, and refresh latency with 0 and 1,000,000 unrelated keys. Not a test:
 * speed is never asserted. Run it as docs/redis.md shows.
 */
final class RedisTokenStoreMeasurements {

    static final int THREADS = 64;
    static final int CHECKS = 200_000;
    private static final int REFRESHES = 2_000;
    private static final Duration TTL = Duration.ofDays(3);

    private RedisTokenStoreMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalRedisServer server = LocalRedisServer.startOnFreePort();
             TestRedis redis = TestRedis.inspect(server);
             TokenStore store = TestRedis.store(server)) {
            System.out.println("redis-server " + redis.commands().info("server").lines()
                    .filter(line -> line.startsWith("redis_version")).findFirst().orElse("?") + " at " + server.uri());
            memoryPerToken(store, redis, 1);
            memoryPerToken(store, redis, 10);
            checkThroughput(store, server);
            refreshLatency(store, "0 unrelated keys");
            redis.fillWithUnrelatedKeys(1_000_000);
            refreshLatency(store, redis.commands().dbsize() + " keys in Redis");
        }
    }

    /** WeChat openids are 28 characters; the sku is short. */
    static TokenOwner owner(int n) {
        return new TokenOwner(Sku.of("shop"), UserId.of(String.format("oAbCdEfGhIjKlMnOpQrStUv%05d", n)));
    }

    private static void memoryPerToken(TokenStore store, TestRedis redis, int tokensPerUser) {
        int users = 20_000 / tokensPerUser;
        redis.commands().flushall();
        long before = usedMemory(redis);
        for (int user = 0; user < users; user++) {
            for (int t = 0; t < tokensPerUser; t++) {
                store.issue(owner(user), NewToken.of(TokenHash.ofSecret(user + "/" + t), TTL), 10);
            }
        }
        long perToken = (usedMemory(redis) - before) / (users * (long) tokensPerUser);
        long ownerKey = redis.commands().memoryUsage(OwnerKey.of(owner(0)));
        System.out.printf("memory, %d token(s) per user: used_memory delta %d B/token; MEMORY USAGE of the owner's "
                + "key %d B / %d = %d B/token%n", tokensPerUser, perToken, ownerKey, tokensPerUser,
                ownerKey / tokensPerUser);
        redis.commands().flushall();
    }

    private static long usedMemory(TestRedis redis) {
        return redis.commands().info("memory").lines().filter(line -> line.startsWith("used_memory:"))
                .mapToLong(line -> Long.parseLong(line.substring("used_memory:".length()).trim()))
                .findFirst().orElseThrow();
    }

    private static void checkThroughput(TokenStore store, LocalRedisServer server) throws Exception {
        List<String> tokens = new ArrayList<>();
        CheckTokenUseCase checks = loggedIn(store, tokens);
        runChecks(checks, tokens, CHECKS);
        for (int round = 1; round <= 3; round++) {
            double perSecond = runChecks(checks, tokens, CHECKS);
            System.out.printf("round %d: isTokenValid, %d threads, one store: %.0f checks/s%n", round, THREADS,
                    perSecond);
            System.out.printf("round %d: isTokenValidAsync, one thread, %d in flight: %.0f checks/s%n", round,
                    THREADS, runAsyncChecks(checks, tokens, CHECKS));
            System.out.printf("round %d: redis-benchmark -t get -c 64 -n 200000: %s%n", round, redisBenchmark(server));
        }
    }

    /**
     * Logs 1,000 users in through the use cases, as the facade would.
     *
     * @param tokens receives their tokens
     * @return the checks of those use cases
     */
    static CheckTokenUseCase loggedIn(TokenStore store, List<String> tokens) {
        FakeWeChatGateway weChat = new FakeWeChatGateway();
        UseCases useCases = UseCases.create(new AuthSettings("wx1234567890abcdef", Sku.of("shop"), TTL, 10), store,
                InMemoryAdapters.userRepository(Clock.systemUTC()), weChat, new FakeDecryptor(), new SecureRandom());
        for (int i = 0; i < 1_000; i++) {
            tokens.add(useCases.authorize().authorize(LoginCommand.codeOnly(weChat.newCode(owner(i).userId().value(), null)))
                    .response());
        }
        return useCases.checkTokens();
    }

    /** @return blocking checks per second, {@value #THREADS} threads sharing the use cases */
    static double runChecks(CheckTokenUseCase checks, List<String> tokens, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong invalid = new AtomicLong();
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = thread; i < total; i += THREADS) {
                        if (!checks.isTokenValid(tokens.get(i % tokens.size()))) {
                            invalid.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (invalid.get() > 0) {
                throw new IllegalStateException(invalid.get() + " live tokens read as invalid");
            }
            return total / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return async checks per second, one thread keeping {@value #THREADS} in flight */
    static double runAsyncChecks(CheckTokenUseCase checks, List<String> tokens, int total)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(THREADS);
        CountDownLatch answered = new CountDownLatch(total);
        AtomicLong invalid = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            inFlight.acquire();
            checks.isTokenValidAsync(tokens.get(i % tokens.size())).whenComplete((valid, failure) -> {
                if (failure != null || !valid) {
                    invalid.incrementAndGet();
                }
                inFlight.release();
                answered.countDown();
            });
        }
        answered.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (invalid.get() > 0) {
            throw new IllegalStateException(invalid.get() + " live tokens read as invalid");
        }
        return total / seconds;
    }

    static String redisBenchmark(LocalRedisServer server) throws IOException, InterruptedException {
        Process benchmark = new ProcessBuilder("redis-benchmark", "-h", server.host(), "-p",
                Integer.toString(server.port()), "-t", "get", "-c", "64", "-n", "200000", "-q")
                .redirectErrorStream(true).start();
        String output = new String(benchmark.getInputStream().readAllBytes()).trim();
        benchmark.waitFor();
        String[] lines = output.split("[\r\n]+");
        return lines[lines.length - 1].trim();
    }

    private static void refreshLatency(TokenStore store, String label) {
        TokenOwner owner = owner(99_999);
        long[] micros = new long[REFRESHES];
        for (int i = 0; i < REFRESHES; i++) {
            long start = System.nanoTime();
            store.replaceAll(owner, NewToken.of(TokenHash.ofSecret("refresh/" + i), TTL));
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("refresh (replaceAll), %s: p50 %d us, p99 %d us, max %d us over %d refreshes%n", label,
                micros[REFRESHES / 2], micros[REFRESHES * 99 / 100], micros[REFRESHES - 1], REFRESHES);
    }
}
