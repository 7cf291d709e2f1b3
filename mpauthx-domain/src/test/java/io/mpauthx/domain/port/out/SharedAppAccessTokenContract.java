package io.mpauthx.domain.port.out;

import io.mpauthx.domain.testing.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SharedAppAccessToken} must do; each implementation's test gives fresh instances on real time. */
public abstract class SharedAppAccessTokenContract {

    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration SHORT = Duration.ofMillis(300);

    /**
     * @param appId the app the token belongs to; two instances of the same app share it
     * @return a view of the shared token, as one instance of the application has it
     */
    protected abstract SharedAppAccessToken instanceOf(String appId);

    private final String appId = "wx" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void aWrittenTokenIsReadByEveryInstanceUntilItsTimeIsUp() {
        SharedAppAccessToken first = instanceOf(appId);
        SharedAppAccessToken second = instanceOf(appId);
        assertThat(second.read()).isEmpty();

        first.write("token-1", SHORT);

        assertThat(second.read()).contains("token-1");
        Await.until(Duration.ofSeconds(5), () -> second.read().isEmpty(), "the token's time to be up");
    }

    @Test
    void oneHolderAtATimeAndOnlyTheHolderEndsTheLease() {
        SharedAppAccessToken first = instanceOf(appId);
        SharedAppAccessToken second = instanceOf(appId);

        assertThat(first.tryAcquireRefresh("first", LONG)).isTrue();
        assertThat(second.tryAcquireRefresh("second", LONG)).isFalse();
        second.releaseRefresh("second");
        assertThat(second.tryAcquireRefresh("second", LONG)).isFalse();

        first.releaseRefresh("first");
        assertThat(second.tryAcquireRefresh("second", LONG)).isTrue();
    }

    @Test
    void aLeaseNeverReleasedEndsByItself() {
        SharedAppAccessToken dead = instanceOf(appId);
        SharedAppAccessToken survivor = instanceOf(appId);
        assertThat(dead.tryAcquireRefresh("dead", SHORT)).isTrue();

        Await.until(Duration.ofSeconds(5), () -> survivor.tryAcquireRefresh("survivor", LONG),
                "the dead holder's lease to end");
        dead.releaseRefresh("dead");
        assertThat(dead.tryAcquireRefresh("dead", LONG)).as("the late release left the new lease alone").isFalse();
    }
}
