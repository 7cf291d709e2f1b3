package io.mpauthx.domain;

import java.util.Objects;

/**
 * Whose tokens these are: one user within one sku. Token stores group and namespace tokens by owner.
 * A value: equal when sku and user id are equal.
 */
public final class TokenOwner {

    private final String sku;
    private final String userId;

    /**
     * @param sku the project namespace, {@code [A-Za-z0-9_-]{1,64}}
     * @param userId the unionId or openId, {@code [A-Za-z0-9_-]{1,128}}
     * @throws IllegalArgumentException for parts outside the token alphabet (a programming error: user input
     *         is checked before it becomes an owner)
     */
    public TokenOwner(String sku, String userId) {
        this(checked(Identifiers.isValidSku(sku), sku, "sku must match [A-Za-z0-9_-]{1,64}"),
                checked(Identifiers.isValidUserId(userId), userId, "userId must match [A-Za-z0-9_-]{1,128}"),
                true);
    }

    /** For parts already checked by the token parser: the hot path validates each character once. */
    private TokenOwner(String sku, String userId, boolean alreadyChecked) {
        this.sku = sku;
        this.userId = userId;
    }

    static TokenOwner ofChecked(String sku, String userId) {
        return new TokenOwner(sku, userId, true);
    }

    private static String checked(boolean valid, String value, String rule) {
        if (!valid) {
            throw new IllegalArgumentException(rule);
        }
        return value;
    }

    /** @return the project namespace */
    public String sku() {
        return sku;
    }

    /** @return the unionId or openId */
    public String userId() {
        return userId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenOwner owner && sku.equals(owner.sku) && userId.equals(owner.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sku, userId);
    }

    @Override
    public String toString() {
        return "TokenOwner[sku=" + sku + ", userId=" + userId + "]";
    }
}
