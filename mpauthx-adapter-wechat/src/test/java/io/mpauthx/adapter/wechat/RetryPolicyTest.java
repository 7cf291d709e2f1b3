package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private static final Duration BACKOFF = Duration.ofMillis(100);
    private static final MpAuthXException BUSY = MpAuthXException.fromWeChat(
            StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, -1, "system error");

    private final RetryPolicy policy = new RetryPolicy(2, BACKOFF, new SplittableRandom(42));
    private final Deadline plentyOfTime = Deadline.after(Duration.ofSeconds(30));

    @Test
    void pausesGrowWithTheRetryAndStayWithinFiftyPercentJitter() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.pauseBefore(1, BUSY, plentyOfTime).orElseThrow())
                    .isBetween(Duration.ofMillis(50), Duration.ofMillis(150));
            assertThat(policy.pauseBefore(2, BUSY, plentyOfTime).orElseThrow())
                    .isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
        }
    }

    @Test
    void givesUpAfterTheLastRetry() {
        assertThat(policy.pauseBefore(3, BUSY, plentyOfTime)).isEmpty();
    }

    @Test
    void givesUpWhenTheBudgetLeavesNoRoomForAUsefulAttempt() {
        Deadline almostOver = Deadline.after(RetryPolicy.SHORTEST_USEFUL_ATTEMPT);

        assertThat(policy.pauseBefore(1, BUSY, almostOver)).isEmpty();
    }

    @Test
    void retriesOnlySystemBusyAndConnectionsThatWereNeverMade() {
        assertThat(RetryPolicy.isTransient(BUSY)).isTrue();
        assertThat(RetryPolicy.isTransient(new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT, "refused",
                new ConnectException()))).isTrue();
        assertThat(RetryPolicy.isTransient(new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT, "no connection",
                new HttpConnectTimeoutException("HTTP connect timed out")))).isTrue();

        assertThat(RetryPolicy.isTransient(new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT, "reset",
                new SocketException("Connection reset")))).isFalse();
        assertThat(RetryPolicy.isTransient(new MpAuthXException(StatusCode.HTTP_RESPONSE_ERROR_EVENT, "reset",
                new SocketException("Connection reset")))).isFalse();
        assertThat(RetryPolicy.isTransient(new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT, "no answer",
                new EOFException("EOF reached while reading")))).isFalse();

        assertThat(RetryPolicy.isTransient(new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT, "timeout",
                new HttpTimeoutException("request timed out")))).isFalse();
        assertThat(RetryPolicy.isTransient(MpAuthXException.fromWeChat(
                StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, 45011, "rate limit"))).isFalse();
        assertThat(RetryPolicy.isTransient(new MpAuthXException(StatusCode.HTTP_ERROR, "500"))).isFalse();
        assertThat(policy.pauseBefore(1, new MpAuthXException(StatusCode.JSON_PARSED_ERROR, "html"), plentyOfTime))
                .isEqualTo(Optional.empty());
    }
}
