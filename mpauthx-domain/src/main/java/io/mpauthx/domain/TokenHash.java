package io.mpauthx.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What stores keep instead of a token: SHA-256 of the token's secret, base64url without padding
 * (43 characters). A dump of the store therefore hands out no live token.
 *
 * @param value the 43-character base64url digest
 */
public record TokenHash(String value) {

    /** Length of the hash in characters. */
    public static final int LENGTH = 43;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TokenHash::newDigest);

    /** Checks the shape of the hash. */
    public TokenHash {
        if (!Identifiers.isTokenSafe(value, LENGTH) || value.length() != LENGTH) {
            throw new IllegalArgumentException("a token hash is 43 base64url characters");
        }
    }

    /**
     * @param secret the secret part of a token
     * @return its hash
     */
    public static TokenHash ofSecret(String secret) {
        MessageDigest digest = SHA256.get();
        byte[] hashed = digest.digest(secret.getBytes(StandardCharsets.US_ASCII));
        return new TokenHash(BASE64URL.encodeToString(hashed));
    }

    /** @return the non-secret id under which this token is listed by {@code activeTokens} */
    public TokenId id() {
        return TokenId.of(this);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK ships SHA-256", impossible);
        }
    }
}
