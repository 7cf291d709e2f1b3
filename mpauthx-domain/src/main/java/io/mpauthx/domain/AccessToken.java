package io.mpauthx.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token: {@code <userId>.<sku>.<secret>} (SPEC §5). Every part is in {@code [A-Za-z0-9_-]};
 * the secret is 32 bytes from {@link SecureRandom}, base64url without padding. {@link #toString()} hides
 * the secret.
 *
 * @param userId the unionId or openId the token was issued to
 * @param sku the project namespace the token was issued for
 * @param secret 43 base64url characters
 */
public record AccessToken(String userId, String sku, String secret) {

    /** Bytes of randomness in a secret. */
    public static final int SECRET_BYTES = 32;
    /** Characters of a secret: 32 bytes in base64url without padding. */
    public static final int SECRET_LENGTH = 43;
    /** The longest well-formed token; longer input is refused before it is looked at. */
    public static final int MAX_LENGTH =
            Identifiers.MAX_USER_ID_LENGTH + 1 + Identifiers.MAX_SKU_LENGTH + 1 + SECRET_LENGTH;

    private static final char SEPARATOR = '.';
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Checks every part against the format. */
    public AccessToken {
        if (!Identifiers.isValidUserId(userId) || !Identifiers.isValidSku(sku)
                || !Identifiers.isTokenSafe(secret, SECRET_LENGTH) || secret.length() != SECRET_LENGTH) {
            throw new IllegalArgumentException("not a well-formed access token");
        }
    }

    /**
     * Makes a fresh token.
     *
     * @param owner whom the token is for
     * @param random the source of the secret; a {@link SecureRandom}
     * @return the new token
     */
    public static AccessToken generate(TokenOwner owner, SecureRandom random) {
        byte[] secretBytes = new byte[SECRET_BYTES];
        random.nextBytes(secretBytes);
        return new AccessToken(owner.userId(), owner.sku(), BASE64URL.encodeToString(secretBytes));
    }

    /**
     * Reads a token without any I/O.
     *
     * @param token anything; null, empty, over-long and malformed input are all fine
     * @return the token, or empty when the input is not a well-formed token
     */
    public static Optional<AccessToken> parse(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int firstDot = token.indexOf(SEPARATOR);
        int secondDot = firstDot < 0 ? -1 : token.indexOf(SEPARATOR, firstDot + 1);
        if (secondDot < 0 || token.indexOf(SEPARATOR, secondDot + 1) >= 0) {
            return Optional.empty();
        }
        int length = token.length();
        boolean wellFormed = Identifiers.isTokenSafe(token, 0, firstDot, Identifiers.MAX_USER_ID_LENGTH)
                && Identifiers.isTokenSafe(token, firstDot + 1, secondDot, Identifiers.MAX_SKU_LENGTH)
                && length - secondDot - 1 == SECRET_LENGTH
                && Identifiers.isTokenSafe(token, secondDot + 1, length, SECRET_LENGTH);
        if (!wellFormed) {
            return Optional.empty();
        }
        return Optional.of(new AccessToken(
                token.substring(0, firstDot), token.substring(firstDot + 1, secondDot), token.substring(secondDot + 1)));
    }

    /** @return the user and sku this token belongs to */
    public TokenOwner owner() {
        return new TokenOwner(sku, userId);
    }

    /** @return what a store keeps for this token */
    public TokenHash hash() {
        return TokenHash.ofSecret(secret);
    }

    /** @return the token as handed to the phone; a secret */
    public String value() {
        return userId + SEPARATOR + sku + SEPARATOR + secret;
    }

    /**
     * @param sku the configured sku
     * @return true if this token was issued for that sku
     */
    public boolean isFor(String sku) {
        return this.sku.equals(Objects.requireNonNull(sku, "sku"));
    }

    @Override
    public String toString() {
        return "AccessToken[userId=" + userId + ", sku=" + sku + ", secret=<redacted>]";
    }
}
