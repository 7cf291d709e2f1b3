package io.mpauthx.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token as a {@link io.mpauthx.domain.port.out.TokenStore} holds it: its hash, its lifetime and the device it
 * was issued on.
 *
 * @param hash the SHA-256 of the token's secret
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being valid; after {@code issuedAt}
 * @param device what the user called the device at login, if anything
 */
public record StoredToken(TokenHash hash, Instant issuedAt, Instant expiresAt, Optional<DeviceLabel> device) {

    /** Checks that no component is null and the lifetime is positive. */
    public StoredToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(device, "device");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }

    /** @return the public description of this token */
    public TokenInfo info() {
        return new TokenInfo(hash.id().value(), issuedAt, expiresAt, device.map(DeviceLabel::value));
    }

    /**
     * @param now the current time
     * @return true while the token has not expired
     */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
