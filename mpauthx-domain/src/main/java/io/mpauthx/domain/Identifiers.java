package io.mpauthx.domain;

/**
 * The character rules of the token format: every part of a token is in {@code [A-Za-z0-9_-]},
 * so a token is a valid RFC 6750 bearer token. Checked by hand because this sits on the hot path.
 */
public final class Identifiers {

    /** The longest user id (openid or unionid) accepted from WeChat. */
    public static final int MAX_USER_ID_LENGTH = 128;
    /** The longest sku accepted by the builder. */
    public static final int MAX_SKU_LENGTH = 64;

    /**
     * {@code [A-Za-z0-9_-]} as a table indexed by character: one load instead of five range tests whose branches
     * mispredict on random base64url text. Every check validates a token's ~80 characters several times.
     */
    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (char c = 0; c < TOKEN_CHARS.length; c++) {
            TOKEN_CHARS[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
        }
    }

    private Identifiers() {
    }

    /**
     * @param userId a candidate openid/unionid; may be null
     * @return true if it is 1–128 characters of {@code [A-Za-z0-9_-]}
     */
    public static boolean isValidUserId(String userId) {
        return isTokenSafe(userId, MAX_USER_ID_LENGTH);
    }

    /**
     * @param sku a candidate sku; may be null
     * @return true if it is 1–64 characters of {@code [A-Za-z0-9_-]}
     */
    public static boolean isValidSku(String sku) {
        return isTokenSafe(sku, MAX_SKU_LENGTH);
    }

    static boolean isTokenSafe(String text, int maxLength) {
        return text != null && isTokenSafe(text, 0, text.length(), maxLength);
    }

    static boolean isTokenSafe(String text, int from, int to, int maxLength) {
        int length = to - from;
        if (length < 1 || length > maxLength) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        return c < TOKEN_CHARS.length && TOKEN_CHARS[c];
    }
}
