package io.mpauthx.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A token about to be stored: what a {@link io.mpauthx.domain.port.out.TokenStore} needs to issue it.
 *
 * @param hash the SHA-256 of the new token's secret
 * @param ttl how long it lives; from {@link AuthSettings#MIN_TOKEN_TTL} to {@link AuthSettings#MAX_TOKEN_TTL}
 * @param device what the user calls the device, if the login named one
 */
public record NewToken(TokenHash hash, Duration ttl, Optional<DeviceLabel> device) {

    /** Checks that no component is null and the lifetime is one every store can keep. */
    public NewToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(device, "device");
        if (!AuthSettings.isKeepableTokenTtl(ttl)) {
            throw new IllegalArgumentException("a token's TTL must be from " + AuthSettings.MIN_TOKEN_TTL + " to "
                    + AuthSettings.MAX_TOKEN_TTL);
        }
    }

    /**
     * @param hash the SHA-256 of the new token's secret
     * @param ttl how long it lives
     * @return a token issued without a device label
     */
    public static NewToken of(TokenHash hash, Duration ttl) {
        return new NewToken(hash, ttl, Optional.empty());
    }
}
