package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code isTokenValidAsync} on a real redis-server, with and without the near cache: the caller's continuations
 * run on mpauthx's own threads, never on Lettuce's, so a continuation that blocks stalls nobody else.
 */
@ExtendWith(RedisServerExtension.class)
class MpAuthXAsyncIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);
    private static final int CONTINUATIONS = 32;
    private static final int BLOCKING_CONTINUATIONS = 4;

    private final FakeWeChatGateway weChat = new FakeWeChatGateway();
    private final LocalRedisServer redis;

    MpAuthXAsyncIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    private MpAuthX start(boolean nearCache) {
        return MpAuthX.builder()
                .appId("wxapp").appSecret("app-secret-value").sku("shop")
                .inMemoryUserRepository()
                .weChatGateway(weChat).decryptor(new FakeDecryptor())
                .redis(redis.uri()).redisCommandTimeout(COMMAND_TIMEOUT)
                .nearCache(nearCache ? NearCacheSettings.defaults() : NearCacheSettings.disabled())
                .build();
    }

    @ParameterizedTest(name = "near cache {0}")
    @ValueSource(booleans = {false, true})
    void continuationsThatBlockOnTheFacadeCompleteAndTimeNoOtherCallerOut(boolean nearCache) {
        try (MpAuthX auth = start(nearCache)) {
            List<String> tokens = IntStream.range(0, BLOCKING_CONTINUATIONS)
                    .mapToObj(i -> login(auth, "oBlocking" + i)).toList();
            String other = login(auth, "oOther");
            String revoked = login(auth, "oRevoked");
            auth.revokeToken(revoked);

            List<CompletableFuture<Boolean>> chained = tokens.stream()
                    .map(token -> auth.isTokenValidAsync(token)
                            .thenApply(valid -> valid && auth.isTokenValid(other)).toCompletableFuture())
                    .toList();
            List<MpAuthXException> bystanderFailures = checkWhileRunning(auth, revoked, chained);

            assertThat(bystanderFailures).as("callers timed out while continuations blocked").isEmpty();
            assertThat(chained).allSatisfy(answer -> assertThat(answer).succeedsWithin(ANSWERED_WITHIN).isEqualTo(true));
        }
    }

    /** A revoked token: never answered from the near cache, so every check is a round trip to Redis. */
    private static List<MpAuthXException> checkWhileRunning(MpAuthX auth, String revoked,
                                                            List<CompletableFuture<Boolean>> running) {
        CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
        long deadline = System.nanoTime() + ANSWERED_WITHIN.toNanos();
        List<MpAuthXException> failures = new ArrayList<>();
        do {
            try {
                assertThat(auth.isTokenValid(revoked)).isFalse();
            } catch (MpAuthXException timedOut) {
                failures.add(timedOut);
            }
        } while (!all.isDone() && System.nanoTime() - deadline < 0);
        return failures;
    }

    @ParameterizedTest(name = "near cache {0}")
    @ValueSource(booleans = {false, true})
    void continuationsNeverRunOnALettuceThread(boolean nearCache) {
        try (MpAuthX auth = start(nearCache)) {
            List<String> tokens = IntStream.range(0, CONTINUATIONS).mapToObj(i -> login(auth, "oThread" + i)).toList();

            List<CompletableFuture<String>> threadNames = tokens.stream()
                    .map(token -> auth.isTokenValidAsync(token)
                            .thenApply(valid -> Thread.currentThread().getName()).toCompletableFuture())
                    .toList();

            assertThat(threadNames).allSatisfy(name ->
                    assertThat(name).succeedsWithin(ANSWERED_WITHIN).asString().doesNotStartWith("lettuce-"));
        }
    }

    @ParameterizedTest(name = "near cache {0}")
    @ValueSource(booleans = {false, true})
    void continuationsMayWaitForAnotherAsynchronousCheck(boolean nearCache) {
        try (MpAuthX auth = start(nearCache)) {
            List<String> tokens = IntStream.range(0, CONTINUATIONS).mapToObj(i -> login(auth, "oNested" + i)).toList();
            String other = login(auth, "oNestedOther");

            List<CompletableFuture<Boolean>> chained = tokens.stream()
                    .map(token -> auth.isTokenValidAsync(token).thenApply(valid ->
                            valid && auth.isTokenValidAsync(other).toCompletableFuture().join()).toCompletableFuture())
                    .toList();

            assertThat(chained).allSatisfy(answer -> assertThat(answer).succeedsWithin(ANSWERED_WITHIN).isEqualTo(true));
        }
    }

    private String login(MpAuthX auth, String userId) {
        return auth.authorize(weChat.newCode(userId, null)).token();
    }
}
