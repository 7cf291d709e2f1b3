package io.mpauthx.domain;

/**
 * Whose tokens these are: one user within one sku. Token stores group and namespace tokens by owner.
 *
 * @param sku the project namespace, {@code [A-Za-z0-9_-]{1,64}}
 * @param userId the unionId or openId, {@code [A-Za-z0-9_-]{1,128}}
 */
public record TokenOwner(String sku, String userId) {

    /** Rejects parts outside the token alphabet; these are programming errors, user input is checked earlier. */
    public TokenOwner {
        if (!Identifiers.isValidSku(sku)) {
            throw new IllegalArgumentException("sku must match [A-Za-z0-9_-]{1,64}");
        }
        if (!Identifiers.isValidUserId(userId)) {
            throw new IllegalArgumentException("userId must match [A-Za-z0-9_-]{1,128}");
        }
    }
}
