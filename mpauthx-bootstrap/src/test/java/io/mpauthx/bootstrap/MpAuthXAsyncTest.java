package io.mpauthx.bootstrap;

import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.domain.testing.ForwardingTokenStore;
import io.mpauthx.testkit.logging.CapturedLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code isTokenValidAsync} with a token store of the user's own: whichever thread completes the store's stage,
 * callers' continuations run on mpauthx's threads, and failures reach them as the blocking check reports them.
 */
class MpAuthXAsyncTest {

    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);

    /** A store whose asynchronous check answers with the stage the test hands it. */
    static final class ScriptedAsyncStore extends ForwardingTokenStore {
        private volatile Supplier<CompletionStage<Boolean>> answer;

        ScriptedAsyncStore() {
            super(InMemoryAdapters.tokenStore(Clock.systemUTC()));
        }

        void answerWith(Supplier<CompletionStage<Boolean>> stage) {
            this.answer = stage;
        }

        @Override
        public CompletionStage<Boolean> isLiveAsync(TokenOwner owner, TokenHash hash) {
            return answer != null ? answer.get() : super.isLiveAsync(owner, hash);
        }
    }

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    private final FakeWeChatGateway weChat = new FakeWeChatGateway();
    private final ScriptedAsyncStore store = new ScriptedAsyncStore();
    private final MpAuthX auth = MpAuthX.builder()
            .appId("wxapp").appSecret("app-secret-value").sku("shop")
            .inMemoryUserRepository().tokenStore(store)
            .weChatGateway(weChat).decryptor(new FakeDecryptor())
            .build();
    private final String token = auth.authorize(weChat.newCode("oAsync", null)).token();

    @AfterEach
    void close() {
        auth.close();
    }

    @Test
    void anAnswerTheStoreAlreadyHasIsReturnedAtOnce() {
        assertThat(auth.isTokenValidAsync(token).toCompletableFuture()).isCompletedWithValue(true);
    }

    @Test
    void continuationsRunOnMpAuthXThreadsWhicheverThreadTheStoreAnswersOn() {
        CompletableFuture<Boolean> pending = new CompletableFuture<>();
        store.answerWith(() -> pending);

        CompletableFuture<String> continuationThread = auth.isTokenValidAsync(token)
                .thenApply(valid -> Thread.currentThread().getName()).toCompletableFuture();
        completeOnThread("store-io", () -> pending.complete(true));

        assertThat(continuationThread).succeedsWithin(ANSWERED_WITHIN).asString().startsWith("mpauthx-async-");
    }

    @Test
    void aStageAlreadyFailedByAStoreBugIsAnUnknownError() {
        store.answerWith(() -> CompletableFuture.failedFuture(new IllegalStateException("bug in the store")));

        MpAuthXException failure = failureOf(auth.isTokenValidAsync(token));

        assertThat(failure.statusCode()).isEqualTo(StatusCode.UNKNOWN_ERROR);
        assertThat(failure).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStageFailedLaterByAStoreBugIsAnUnknownErrorLoggedOnce() {
        CompletionStage<Boolean> answer = answerFailedLaterWith(new IllegalStateException("bug in the store"));

        assertThat(failureOf(answer).statusCode()).isEqualTo(StatusCode.UNKNOWN_ERROR);
        assertThat(logs.linesContainingAny(List.of("bug in the store"))).hasSize(1);
    }

    @Test
    void aStageFailedWithACheckedExceptionIsAnUnknownError() {
        CompletionStage<Boolean> answer = answerFailedLaterWith(new IOException("link to the store broke"));

        assertThat(failureOf(answer).statusCode()).isEqualTo(StatusCode.UNKNOWN_ERROR);
    }

    @Test
    void aDatabaseErrorOfTheStoreReachesTheCallerAsItIs() {
        MpAuthXException down = new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, "token store is down");

        assertThat(failureOf(answerFailedLaterWith(down))).isSameAs(down);
        store.answerWith(() -> CompletableFuture.failedFuture(down));
        assertThat(failureOf(auth.isTokenValidAsync(token))).isSameAs(down);
    }

    @Test
    void aStoreThatThrowsOrAnswersNoStageIsAnUnknownError() {
        store.answerWith(() -> {
            throw new IllegalStateException("bug in the store");
        });
        assertThat(failureOf(auth.isTokenValidAsync(token)).statusCode()).isEqualTo(StatusCode.UNKNOWN_ERROR);

        store.answerWith(() -> null);
        assertThat(failureOf(auth.isTokenValidAsync(token)).statusCode()).isEqualTo(StatusCode.UNKNOWN_ERROR);
    }

    @Test
    void closeEndsTheThreadsAndAnswersStillInFlightAreDelivered() {
        CompletableFuture<Boolean> first = new CompletableFuture<>();
        store.answerWith(() -> first);
        CompletableFuture<Thread> continuationThread = auth.isTokenValidAsync(token)
                .thenApply(valid -> Thread.currentThread()).toCompletableFuture();
        completeOnThread("store-io", () -> first.complete(true));
        Thread asyncThread = continuationThread.join();

        CompletableFuture<Boolean> inFlight = new CompletableFuture<>();
        store.answerWith(() -> inFlight);
        CompletableFuture<String> lateThread = auth.isTokenValidAsync(token)
                .thenApply(valid -> Thread.currentThread().getName()).toCompletableFuture();
        auth.close();
        completeOnThread("store-io", () -> inFlight.complete(true));

        Await.until(ANSWERED_WITHIN, () -> !asyncThread.isAlive(), "the async thread ends after close()");
        assertThat(lateThread).succeedsWithin(ANSWERED_WITHIN).asString().isNotEqualTo("store-io");
    }

    /** The store's stage fails after the facade handed it on, from the store's own thread. */
    private CompletionStage<Boolean> answerFailedLaterWith(Throwable failure) {
        CompletableFuture<Boolean> pending = new CompletableFuture<>();
        store.answerWith(() -> pending);
        CompletionStage<Boolean> answer = auth.isTokenValidAsync(token);
        completeOnThread("store-io", () -> pending.completeExceptionally(failure));
        return answer;
    }

    /** Completes a stage the way an I/O thread of a store would: from a thread of its own. */
    private static void completeOnThread(String name, Runnable completion) {
        Thread io = new Thread(completion, name);
        io.start();
        try {
            io.join(ANSWERED_WITHIN.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the store answered", interrupted);
        }
    }

    private static MpAuthXException failureOf(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(ANSWERED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            assertThat(failed.getCause()).isInstanceOf(MpAuthXException.class);
            return (MpAuthXException) failed.getCause();
        } catch (InterruptedException | TimeoutException notAnswered) {
            throw new AssertionError("the stage did not complete", notAnswered);
        }
        throw new AssertionError("the stage did not fail");
    }
}
