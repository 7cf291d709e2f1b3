package io.mpauthx.adapter.redis;

import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;

/**
 * The Redis keys of one owner. Every key carries the hash tag {@code {<sku>:<userId>}}, so all keys of an owner
 * live in one Redis Cluster slot and one script may touch them all. Neither part may contain {@code :} or a
 * brace, so the tag is unambiguous.
 *
 * <ul>
 *   <li>{@code mpauthx:{shop:oAbc}:idx} the owner's index (sorted set of token hashes by expiry)</li>
 *   <li>{@code mpauthx:{shop:oAbc}:t:<hash>} one token, holding its issue time, with its lifetime as TTL</li>
 * </ul>
 *
 * @param index the index key
 * @param tokenPrefix what a token's hash is appended to for its key
 */
record OwnerKeys(String index, String tokenPrefix) {

    private static final String NAMESPACE = "mpauthx:";

    static OwnerKeys of(TokenOwner owner) {
        String base = NAMESPACE + "{" + owner.sku() + ":" + owner.userId() + "}:";
        return new OwnerKeys(base + "idx", base + "t:");
    }

    String token(TokenHash hash) {
        return tokenPrefix + hash.value();
    }
}
