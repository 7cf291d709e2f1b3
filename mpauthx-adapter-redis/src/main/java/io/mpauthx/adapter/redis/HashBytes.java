package io.mpauthx.adapter.redis;

import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenId;

import java.util.Base64;

/**
 * A token hash as Redis keeps it: its 32 raw bytes, not its 43 base64url characters, so that a hash field of the
 * owner's key costs 34 bytes of the listpack instead of 45.
 */
final class HashBytes {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private HashBytes() {
    }

    static byte[] of(TokenHash hash) {
        return DECODER.decode(hash.value());
    }

    /** @return the id's 9 bytes: what every hash it names begins with */
    static byte[] of(TokenId id) {
        return DECODER.decode(id.value());
    }

    static TokenHash toHash(byte[] raw) {
        return new TokenHash(ENCODER.encodeToString(raw));
    }
}
