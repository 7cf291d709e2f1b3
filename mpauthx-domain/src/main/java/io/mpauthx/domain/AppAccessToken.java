package io.mpauthx.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The app's server credential for WeChat's server APIs ({@code access_token}), as {@code stable_token} hands it out.
 * A secret like the app secret: {@link #toString()} hides it.
 *
 * @param value the token text
 * @param expiresIn how long WeChat said it lives from the moment it answered
 */
public record AppAccessToken(String value, Duration expiresIn) {

    /** Checks that the token is not blank and lives a positive time. */
    public AppAccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresIn, "expiresIn");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an access_token is never blank");
        }
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("an access_token lives a positive time");
        }
    }

    @Override
    public String toString() {
        return "AppAccessToken[<redacted>, expiresIn=" + expiresIn + "]";
    }
}
