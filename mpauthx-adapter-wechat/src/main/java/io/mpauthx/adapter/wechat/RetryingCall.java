package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * One call of a WeChat API within one time budget: its attempts, the pauses the {@link RetryPolicy} allows between
 * them, and the one log line of its failure. Neither the URL nor the request body is logged: both carry secrets.
 */
final class RetryingCall {

    private RetryingCall() {
    }

    /**
     * @param api the API's name for messages and logs
     * @param budget the call's whole time budget
     * @param retries when to try again
     * @param log the adapter's logger
     * @param attempt one attempt within the deadline
     * @return what the first successful attempt returned
     */
    static <T> T run(String api, Duration budget, RetryPolicy retries, Logger log, Function<Deadline, T> attempt) {
        Deadline deadline = Deadline.after(budget);
        for (int retry = 1; ; retry++) {
            try {
                T answer = attempt.apply(deadline);
                log.debug("{} answered after {} attempt(s)", api, retry);
                return answer;
            } catch (MpAuthXException failure) {
                Optional<Duration> pause = retries.pauseBefore(retry, failure, deadline);
                if (pause.isEmpty()) {
                    throw logged(api, log, failure);
                }
                log.warn("{} failed, retry {} of {} in {} ms: {}", api, retry, retries.maxRetries(),
                        pause.get().toMillis(), failure.getMessage());
                if (!deadline.pause(pause.get())) {
                    throw logged(api, log, new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                            "interrupted while waiting to retry " + api, failure));
                }
            }
        }
    }

    /** Logs a failure once, where it leaves the adapter: refusals are the caller's business, the rest an operator's. */
    private static MpAuthXException logged(String api, Logger log, MpAuthXException failure) {
        if (failure.weChatErrorCode().isPresent()) {
            log.debug("{} refused: {}", api, failure.getMessage());
        } else {
            log.warn("{} failed: {}", api, failure.getMessage(), failure.getCause());
        }
        return failure;
    }
}
