package io.mpauthx.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One live token of a user, as {@code activeTokens} lists it ("where am I logged in"). Never the token itself.
 *
 * @param id a non-secret id: a prefix of the stored hash, the same {@code tokenId(token)} answers, and what
 *     {@code revokeToken(userId, tokenId)} takes
 * @param issuedAt when the token was issued
 * @param expiresAt when the token stops being valid
 * @param device what the user called the device at login, if anything
 */
public record TokenInfo(String id, Instant issuedAt, Instant expiresAt, Optional<String> device) {

    /** Checks that no component is null. */
    public TokenInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(device, "device");
    }
}
