package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * When to try jscode2session again: only after WeChat's "system busy" (errcode -1) or a connection that was never
 * made (refused, or not made in time), at most {@code maxRetries} times, and only while the call's budget leaves
 * room for the pause and a useful attempt. A connection that broke once made is not retried: WeChat may have used
 * the code, and the retry would turn the broken connection into a misleading 40163. Nor is a request that timed
 * out: it has used the budget already. Other errcodes are answers, not accidents: 40163 or 45011 would only get
 * worse by asking again.
 */
final class RetryPolicy {

    /** An attempt given less time than this would only turn a clear failure into a timeout. */
    static final Duration SHORTEST_USEFUL_ATTEMPT = Duration.ofMillis(250);
    private static final OptionalInt SYSTEM_BUSY = OptionalInt.of(-1);

    private final int maxRetries;
    private final Duration backoff;
    private final RandomGenerator random;

    RetryPolicy(int maxRetries, Duration backoff, RandomGenerator random) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.random = random;
    }

    int maxRetries() {
        return maxRetries;
    }

    /**
     * @param retry which retry this would be, from 1
     * @param failure how the last attempt failed
     * @param deadline the call's budget
     * @return the pause before retrying, or empty to give up with {@code failure}
     */
    Optional<Duration> pauseBefore(int retry, MpAuthXException failure, Deadline deadline) {
        if (retry > maxRetries || !isTransient(failure)) {
            return Optional.empty();
        }
        // ±50% jitter, so clients that failed together do not come back together
        long meanNanos = backoff.toNanos() * retry;
        Duration pause = Duration.ofNanos(meanNanos / 2 + random.nextLong(meanNanos + 1));
        return deadline.leaves(pause.plus(SHORTEST_USEFUL_ATTEMPT)) ? Optional.of(pause) : Optional.empty();
    }

    static boolean isTransient(MpAuthXException failure) {
        if (SYSTEM_BUSY.equals(failure.weChatErrorCode())) {
            return true;
        }
        // once a connection was made WeChat may have used the code, and asking again would answer 40163
        return failure.statusCode() == StatusCode.HTTP_REQUEST_ERROR_EVENT
                && failure.getCause() != null && Exchange.neverConnected(failure.getCause());
    }
}
