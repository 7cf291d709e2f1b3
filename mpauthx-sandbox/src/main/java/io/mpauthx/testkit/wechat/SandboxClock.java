package io.mpauthx.testkit.wechat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The sandbox's time: the wall clock, moved forward by what tests let elapse. */
final class SandboxClock {

    private final AtomicReference<Duration> elapsed = new AtomicReference<>(Duration.ZERO);

    Instant now() {
        return Instant.now().plus(elapsed.get());
    }

    void elapse(Duration time) {
        elapsed.accumulateAndGet(time, Duration::plus);
    }
}
