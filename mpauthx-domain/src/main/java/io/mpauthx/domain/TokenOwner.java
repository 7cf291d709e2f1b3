package io.mpauthx.domain;

import java.util.Objects;

/**
 * Whose tokens these are: one user within one sku. Token stores group and namespace tokens by owner.
 * A value: equal when sku and user id are equal.
 *
 * @param sku the project namespace
 * @param userId the unionId or openId
 */
public record TokenOwner(Sku sku, UserId userId) {

    /** Checks that no part is null. */
    public TokenOwner {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(userId, "userId");
    }
}
