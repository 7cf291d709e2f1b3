package io.mpauthx.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One live token of a user, as {@code activeTokens} lists it ("where am I logged in"). Never the token itself.
 *
 * @param id a non-secret id: a prefix of the stored hash
 * @param issuedAt when the token was issued
 * @param expiresAt when the token stops being valid
 */
public record TokenInfo(String id, Instant issuedAt, Instant expiresAt) {

    /** Checks that no component is null. */
    public TokenInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
