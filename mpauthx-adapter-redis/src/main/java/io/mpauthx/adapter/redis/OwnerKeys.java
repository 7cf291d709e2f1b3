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
 *   <li>{@code mpauthx:{shop:oAbc}:t:<first 22 characters of the hash>} one token, holding its issue time, with
 *       its lifetime as TTL</li>
 * </ul>
 *
 * A token key names 132 bits of the SHA-256, still far beyond guessing, so that the key of a typical 28-character
 * openId fits an 80-byte allocation instead of 96; the index keeps the whole hash. {@code owner.lua} cuts the
 * same prefix.
 *
 * @param index the index key
 * @param tokenPrefix what a token's hash is appended to for its key
 */
record OwnerKeys(String index, String tokenPrefix) {

    /** How many leading characters of a token's hash its key names; the same number is in {@code owner.lua}. */
    static final int KEY_HASH_LENGTH = 22;
    private static final String NAMESPACE = "mpauthx:";

    static OwnerKeys of(TokenOwner owner) {
        String base = NAMESPACE + "{" + owner.sku() + ":" + owner.userId() + "}:";
        return new OwnerKeys(base + "idx", base + "t:");
    }

    String token(TokenHash hash) {
        return tokenPrefix + hash.value().substring(0, KEY_HASH_LENGTH);
    }
}
