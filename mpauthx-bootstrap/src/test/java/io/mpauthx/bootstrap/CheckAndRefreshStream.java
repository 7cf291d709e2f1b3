package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One thread doing what a busy user's phone and backend do, as fast as it can: refresh the user's token, check the
 * new token (must be valid) and the one before it (must be revoked), again and again. Every failure is counted;
 * an answer that contradicts what the facade said before is a wrong answer. Read the results after {@link #close()}.
 *
 * <p>A refresh that failed may still have happened in Redis (the reply was lost, not the write), so until the next
 * refresh succeeds a "not valid" for the current token is not counted as wrong.
 */
final class CheckAndRefreshStream implements AutoCloseable {

    private final MpAuthX auth;
    private final String userId;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<String> wrongAnswers = new ArrayList<>();
    private final List<Throwable> unexpectedFailures = new ArrayList<>();
    private String current;
    private String previous;
    private boolean uncertain;
    private volatile long checks;
    private volatile long failedChecks;
    private volatile long failedRefreshes;
    private volatile long firstFailureNanos;
    private volatile long lastFailureNanos;
    private volatile long successesSinceFailure;
    private volatile long firstSuccessAfterFailureNanos;

    CheckAndRefreshStream(MpAuthX auth, String userId, String firstToken) {
        this.auth = auth;
        this.userId = userId;
        this.current = firstToken;
        this.thread = new Thread(this::run, "check-and-refresh " + userId);
        thread.start();
    }

    private void run() {
        while (running.get()) {
            refresh();
            check(current, true);
            if (previous != null && !uncertain) {
                check(previous, false);
            }
        }
    }

    private void refresh() {
        try {
            String next = auth.refreshToken(userId).token();
            previous = current;
            current = next;
            uncertain = false;
        } catch (RuntimeException failure) {
            failedRefreshes++;
            failed(failure);
            uncertain = true;
        }
    }

    private void check(String token, boolean expected) {
        try {
            boolean valid = auth.isTokenValid(token);
            checks++;
            if (valid != expected && !(uncertain && !valid)) {
                synchronized (this) {
                    wrongAnswers.add((expected ? "current" : "revoked") + " token answered " + valid
                            + " after " + checks + " checks");
                }
            }
            succeeded();
        } catch (RuntimeException failure) {
            failedChecks++;
            failed(failure);
        }
    }

    private void succeeded() {
        if (lastFailureNanos != 0 && successesSinceFailure++ == 0) {
            firstSuccessAfterFailureNanos = System.nanoTime();
        }
    }

    private synchronized void failed(RuntimeException failure) {
        if (!(failure instanceof MpAuthXException mpAuthX
                && mpAuthX.statusCode() == StatusCode.DATABASE_RELATED_ERROR)) {
            unexpectedFailures.add(failure);
        }
        long now = System.nanoTime();
        if (firstFailureNanos == 0) {
            firstFailureNanos = now;
        }
        lastFailureNanos = now;
        successesSinceFailure = 0;
    }

    long checks() {
        return checks;
    }

    long failedChecks() {
        return failedChecks;
    }

    long failedRefreshes() {
        return failedRefreshes;
    }

    /** @return whether the stream failed at least once and has answered right this many times in a row since */
    boolean recoveredFor(long successes) {
        return lastFailureNanos != 0 && successesSinceFailure >= successes;
    }

    /** @return from the first failure to the first right answer after the last one, in milliseconds */
    long gapMillis() {
        return TimeUnit.NANOSECONDS.toMillis(firstSuccessAfterFailureNanos - firstFailureNanos);
    }

    /** @return milliseconds from the given instant (of {@link System#nanoTime()}) to the first failure */
    long millisToFirstFailure(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toMillis(firstFailureNanos - sinceNanos);
    }

    synchronized List<String> wrongAnswers() {
        return List.copyOf(wrongAnswers);
    }

    synchronized List<Throwable> unexpectedFailures() {
        return List.copyOf(unexpectedFailures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
