package io.mpauthx.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token: {@code <userId>.<sku>.<secret>}. Every part is in {@code [A-Za-z0-9_-]};
 * the secret is 32 bytes from {@link SecureRandom}, base64url without padding. A value: equal when its text is
 * equal. {@link #toString()} hides the secret.
 *
 * <p>Parsing sits on the hot path of every API call, so each character is checked exactly once: the parser
 * builds the token and its owner without checking again what it has just checked.
 */
public final class AccessToken {

    /** Bytes of randomness in a secret. */
    public static final int SECRET_BYTES = 32;
    /** Characters of a secret: 32 bytes in base64url without padding. */
    public static final int SECRET_LENGTH = 43;
    /** The longest well-formed token; longer input is refused before it is looked at. */
    public static final int MAX_LENGTH =
            Identifiers.MAX_USER_ID_LENGTH + 1 + Identifiers.MAX_SKU_LENGTH + 1 + SECRET_LENGTH;

    private static final char SEPARATOR = '.';
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final TokenOwner owner;
    private final String secret;
    private final String value;

    /**
     * @param owner the user and sku the token was issued to
     * @param secret 43 base64url characters
     * @throws IllegalArgumentException when the secret does not fit the format
     */
    public AccessToken(TokenOwner owner, String secret) {
        this(Objects.requireNonNull(owner, "owner"), checkedSecret(secret), null);
    }

    private AccessToken(TokenOwner owner, String secret, String value) {
        this.owner = owner;
        this.secret = secret;
        this.value = value != null ? value
                : owner.userId().value() + SEPARATOR + owner.sku().value() + SEPARATOR + secret;
    }

    private static String checkedSecret(String secret) {
        if (!Identifiers.isTokenSafe(secret, SECRET_LENGTH) || secret.length() != SECRET_LENGTH) {
            throw new IllegalArgumentException("a token secret is 43 base64url characters");
        }
        return secret;
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
        return new AccessToken(owner, BASE64URL.encodeToString(secretBytes), null);
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
        TokenOwner owner = new TokenOwner(Sku.ofChecked(token.substring(firstDot + 1, secondDot)),
                UserId.ofChecked(token.substring(0, firstDot)));
        return Optional.of(new AccessToken(owner, token.substring(secondDot + 1), token));
    }

    /** @return the 43-character secret; never log it */
    public String secret() {
        return secret;
    }

    /** @return the user and sku this token belongs to */
    public TokenOwner owner() {
        return owner;
    }

    /** @return what a store keeps for this token */
    public TokenHash hash() {
        return TokenHash.ofSecret(secret);
    }

    /** @return the token as handed to the phone; a secret */
    public String value() {
        return value;
    }

    /**
     * @param sku the configured sku
     * @return true if this token was issued for that sku
     */
    public boolean isFor(Sku sku) {
        return owner.sku().equals(Objects.requireNonNull(sku, "sku"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessToken token && value.equals(token.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "AccessToken[userId=" + owner.userId() + ", sku=" + owner.sku() + ", secret=<redacted>]";
    }
}
