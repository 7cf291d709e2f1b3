package io.mpauthx.testkit.wechat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's access_tokens as WeChat's stable_token hands them out: while the current one is valid, asking without
 * force answers it again; a forced fetch makes a new one and the old one stops working at once (the strictest of
 * WeChat's behaviours); any token dies at its expiry.
 */
final class SandboxAccessTokens {

    /** What WeChat's stable_token answers as expires_in. */
    static final Duration WECHAT_LIFETIME = Duration.ofSeconds(7200);

    /** Why a token is refused. */
    enum Refusal {
        UNKNOWN(40001), EXPIRED(42001);

        final int errcode;

        Refusal(int errcode) {
            this.errcode = errcode;
        }
    }

    /** A token handed out and how long it lives. */
    record Issued(String token, Duration expiresIn) {
    }

    private final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> valid = new HashMap<>();
    private final List<String> issued = new ArrayList<>();
    private String current;
    private Duration lifetime = WECHAT_LIFETIME;
    private boolean rejectingEvery;

    SandboxAccessTokens(SandboxClock clock) {
        this.clock = clock;
    }

    synchronized Issued stableToken(boolean forceRefresh) {
        Instant now = clock.now();
        Instant expiry = current == null ? null : valid.get(current);
        if (!forceRefresh && expiry != null && now.isBefore(expiry)) {
            // whole seconds, as WeChat answers, never rounded up past the real expiry
            return new Issued(current, Duration.ofSeconds(Math.max(1, Duration.between(now, expiry).toSeconds())));
        }
        valid.clear();
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        current = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        valid.put(current, now.plus(lifetime));
        issued.add(current);
        return new Issued(current, lifetime);
    }

    /** @return why the token is refused, or empty if a server API accepts it */
    synchronized Optional<Refusal> check(String token) {
        if (rejectingEvery || token == null) {
            return Optional.of(Refusal.UNKNOWN);
        }
        Instant expiry = valid.get(token);
        if (expiry == null) {
            return Optional.of(Refusal.UNKNOWN);
        }
        return clock.now().isBefore(expiry) ? Optional.empty() : Optional.of(Refusal.EXPIRED);
    }

    synchronized List<String> everyIssued() {
        return List.copyOf(issued);
    }

    synchronized boolean hasValidToken() {
        Instant expiry = current == null ? null : valid.get(current);
        return expiry != null && clock.now().isBefore(expiry);
    }

    synchronized void lifetime(Duration newLifetime) {
        lifetime = newLifetime;
    }

    synchronized void invalidateAll() {
        valid.clear();
        current = null;
    }

    synchronized void rejectEvery(boolean rejecting) {
        rejectingEvery = rejecting;
    }
}
