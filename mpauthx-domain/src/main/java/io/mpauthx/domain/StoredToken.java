package io.mpauthx.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A token as a {@link io.mpauthx.domain.port.out.TokenStore} holds it: its hash and its lifetime.
 *
 * @param hash the SHA-256 of the token's secret
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being valid; after {@code issuedAt}
 */
public record StoredToken(TokenHash hash, Instant issuedAt, Instant expiresAt) {

    /** Checks that no component is null and the lifetime is positive. */
    public StoredToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }

    /** @return the public description of this token */
    public TokenInfo info() {
        return new TokenInfo(hash.publicId(), issuedAt, expiresAt);
    }

    /**
     * @param now the current time
     * @return true while the token has not expired
     */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
