package io.mpauthx.adapter.redis;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Redis away: 6000 within the command timeout, never "not live", never a hang; back: the same store works. */
@ExtendWith(RedisServerExtension.class)
class RedisFaultIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    /** What a call may take beyond the command timeout: scheduling on a busy two-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(15);
    private static final TokenOwner OWNER = new TokenOwner(Sku.of("shop"), UserId.of("oFault"));

    private final LocalRedisServer server;

    RedisFaultIT(LocalRedisServer server) {
        this.server = server;
    }

    @AfterEach
    void redisIsBack() {
        server.start();
    }

    @Test
    void stoppingRedisDuringChecksFailsThemWith6000WithinTheTimeoutAndTheSameStoreRecovers() throws Exception {
        try (TokenStore store = TestRedis.store(server, COMMAND_TIMEOUT)) {
            TokenHash hash = TokenHash.ofSecret("secret");
            store.issue(OWNER, NewToken.of(hash, Duration.ofHours(1)), 10);
            ExecutorService checker = Executors.newSingleThreadExecutor();
            try {
                Future<MpAuthXException> firstFailure = checker.submit(() -> checkUntilFailure(store, hash));
                server.stop();
                MpAuthXException failure = firstFailure.get(RECOVERY_WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(failure.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
            } finally {
                checker.shutdownNow();
            }
            assertEveryCallFailsPromptlyWith6000(store, hash);

            server.start();

            Await.until(RECOVERY_WAIT, () -> issuesAndChecks(store), "the same store works once Redis is back");
            assertThat(store.isLive(OWNER, hash)).as("the restarted Redis persisted nothing").isFalse();
        }
    }

    @Test
    void aRedisThatStopsAnsweringFailsChecksWithinTheTimeoutAndAnswersAfterwards() {
        try (TokenStore store = TestRedis.store(server, COMMAND_TIMEOUT); TestRedis redis = TestRedis.inspect(server)) {
            TokenHash hash = TokenHash.ofSecret("paused");
            store.issue(OWNER, NewToken.of(hash, Duration.ofHours(1)), 10);

            redis.commands().clientPause(COMMAND_TIMEOUT.multipliedBy(3).toMillis());

            assertFails6000Promptly(() -> store.isLive(OWNER, hash));
            assertFails6000Promptly(() -> store.isLiveAsync(OWNER, hash).toCompletableFuture().join());
            Await.until(RECOVERY_WAIT, () -> liveOrAway(store, hash), "the store answers once Redis does");
        }
    }

    @Test
    void storeCannotBeBuiltWhileRedisIsDown() {
        server.stop();

        assertThatThrownBy(() -> TestRedis.store(server, COMMAND_TIMEOUT))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR))
                .hasMessageContaining(server.uri());
    }

    /** Runs until the first failure, or until the test gives up waiting and interrupts it. */
    private static MpAuthXException checkUntilFailure(TokenStore store, TokenHash hash) {
        while (!Thread.currentThread().isInterrupted()) {
            long start = System.nanoTime();
            try {
                assertThat(store.isLive(OWNER, hash)).as("a live token never reads as not live").isTrue();
            } catch (MpAuthXException failure) {
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(COMMAND_TIMEOUT.plus(SLACK));
                return failure;
            }
        }
        throw new AssertionError("interrupted before any check failed");
    }

    private static void assertEveryCallFailsPromptlyWith6000(TokenStore store, TokenHash hash) {
        assertFails6000Promptly(() -> store.isLive(OWNER, hash));
        assertFails6000Promptly(() -> store.isLiveAsync(OWNER, hash).toCompletableFuture().join());
        NewToken another = NewToken.of(TokenHash.ofSecret("another"), Duration.ofHours(1));
        assertFails6000Promptly(() -> store.issue(OWNER, another, 10));
        assertFails6000Promptly(() -> store.replaceAll(OWNER, another));
        assertFails6000Promptly(() -> store.revoke(OWNER, hash));
        assertFails6000Promptly(() -> store.revokeAll(OWNER));
        assertFails6000Promptly(() -> store.liveTokens(OWNER));
    }

    private static void assertFails6000Promptly(Runnable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run).satisfies(thrown -> {
            Throwable failure = thrown instanceof CompletionException ? thrown.getCause() : thrown;
            assertThat(failure).isInstanceOfSatisfying(MpAuthXException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(COMMAND_TIMEOUT.plus(SLACK));
    }

    private static boolean liveOrAway(TokenStore store, TokenHash hash) {
        try {
            return store.isLive(OWNER, hash);
        } catch (MpAuthXException stillPaused) {
            return false;
        }
    }

    private static boolean issuesAndChecks(TokenStore store) {
        try {
            TokenHash fresh = TokenHash.ofSecret("after-restart");
            store.issue(OWNER, NewToken.of(fresh, Duration.ofHours(1)), 10);
            return store.isLive(OWNER, fresh) && store.isLiveAsync(OWNER, fresh).toCompletableFuture().join();
        } catch (MpAuthXException | CompletionException stillAway) {
            return false;
        }
    }
}
