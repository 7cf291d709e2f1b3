package io.mpauthx.testkit.wechat;

import io.mpauthx.domain.PhoneNumber;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The phone-number button's one-time codes: issued per user, redeemed once within five minutes. */
final class SandboxPhoneCodes {

    /** How long WeChat accepts a phone code. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** What redeeming a code gave. */
    sealed interface Outcome {
    }

    /** The code was good: the number of its user. */
    record Redeemed(SandboxUser user, PhoneNumber phone) implements Outcome {
    }

    /** The code was refused with this errmsg (errcode 40029). */
    record Refused(String errmsg) implements Outcome {
    }

    private record Pending(SandboxUser user, Instant expiresAt) {
    }

    private final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Set<String> redeemed = ConcurrentHashMap.newKeySet();

    SandboxPhoneCodes(SandboxClock clock) {
        this.clock = clock;
    }

    String issue(SandboxUser user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        pending.put(code, new Pending(user, clock.now().plus(LIFETIME)));
        return code;
    }

    Outcome redeem(String code) {
        Pending issued = code == null ? null : pending.remove(code);
        if (issued == null) {
            return new Refused(redeemed.contains(code) ? "code been used" : "invalid code");
        }
        redeemed.add(code);
        if (!clock.now().isBefore(issued.expiresAt())) {
            return new Refused("code expired");
        }
        return new Redeemed(issued.user(), issued.user().phone());
    }
}
