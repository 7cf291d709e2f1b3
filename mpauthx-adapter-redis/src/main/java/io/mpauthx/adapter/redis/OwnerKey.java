package io.mpauthx.adapter.redis;

import io.mpauthx.domain.TokenOwner;

/**
 * The one Redis key of an owner (sku + user): {@code mpauthx:{<sku>:<userId>}}, a hash of the owner's tokens (see
 * {@code tokens.lua}). The braces make the whole name the Redis Cluster hash tag, so anything else ever kept for
 * the owner under {@code mpauthx:{<sku>:<userId>}:…} lands in the same slot. Neither part may contain {@code :}
 * or a brace, so the tag is unambiguous. The key is as short as the layout allows: with a 4-character sku and a
 * 28-character openId it fits a 48-byte allocation.
 */
final class OwnerKey {

    private static final String NAMESPACE = "mpauthx:{";

    private OwnerKey() {
    }

    static String of(TokenOwner owner) {
        return NAMESPACE + owner.sku() + ":" + owner.userId() + "}";
    }
}
