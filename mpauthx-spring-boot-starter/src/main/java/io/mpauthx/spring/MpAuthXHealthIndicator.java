package io.mpauthx.spring;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.MpAuthXException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.Objects;

/**
 * {@code /actuator/health} for mpauthx: DOWN when the token store (Redis) or the user store cannot answer a read.
 * Each probe is one read of a user id that is never issued, through the facade; nothing is written.
 */
public final class MpAuthXHealthIndicator implements HealthIndicator {

    /** A well-formed user id no login produces (WeChat's openids are 28 characters). */
    static final String PROBE_USER = "mpauthx-health-probe";

    private final MpAuthX mpAuthX;

    /** @param mpAuthX the facade whose stores are probed */
    public MpAuthXHealthIndicator(MpAuthX mpAuthX) {
        this.mpAuthX = Objects.requireNonNull(mpAuthX, "mpAuthX");
    }

    /** @return UP when both stores answered, with each store's state as a detail */
    @Override
    public Health health() {
        boolean tokens = answers(() -> mpAuthX.activeTokens(PROBE_USER));
        boolean users = answers(() -> mpAuthX.findUser(PROBE_USER));
        Health.Builder health = tokens && users ? Health.up() : Health.down();
        return health.withDetail("tokenStore", tokens ? "UP" : "DOWN").withDetail("userStore", users ? "UP" : "DOWN")
                .build();
    }

    private static boolean answers(Runnable read) {
        try {
            read.run();
            return true;
        } catch (MpAuthXException failed) {
            return false;
        }
    }
}
