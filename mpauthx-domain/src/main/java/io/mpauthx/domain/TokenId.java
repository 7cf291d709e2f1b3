package io.mpauthx.domain;

import java.util.Optional;

/**
 * The public id of a token: the first {@value #LENGTH} characters of its hash (72 bits), as {@code activeTokens}
 * lists it. Not a secret: it names a token without giving it away, so a client can mark "this device" and ask
 * to log out another one.
 */
public final class TokenId extends CheckedText {

    /** Characters of an id: 9 bytes of the hash in base64url. */
    public static final int LENGTH = 12;

    private TokenId(String value) {
        super(value);
    }

    /**
     * @param value anything, null included
     * @return the id, or empty when the text is not 12 base64url characters
     */
    public static Optional<TokenId> parse(String value) {
        return value != null && value.length() == LENGTH && Identifiers.isTokenSafe(value, LENGTH)
                ? Optional.of(new TokenId(value)) : Optional.empty();
    }

    static TokenId of(TokenHash hash) {
        return new TokenId(hash.value().substring(0, LENGTH));
    }

    /**
     * @param hash a token's hash
     * @return true if the hash begins with this id
     */
    public boolean names(TokenHash hash) {
        return hash.value().startsWith(value());
    }
}
