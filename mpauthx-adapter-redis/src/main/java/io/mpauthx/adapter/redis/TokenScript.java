package io.mpauthx.adapter.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Lua scripts behind every call of {@link RedisTokenStore} (and the lease of
 * {@link RedisSharedAppAccessToken}), read from the resources beside this class. Each
 * write or listing script is the shared {@code tokens.lua} followed by its own file; the check stands alone, so
 * that the hot path defines no Lua functions on every call.
 */
enum TokenScript {
    CHECK("check.lua", false),
    ISSUE("issue.lua", true),
    REPLACE_ALL("replace_all.lua", true),
    REVOKE("revoke.lua", true),
    REVOKE_BY_ID("revoke_by_id.lua", true),
    REVOKE_ALL("revoke_all.lua", true),
    LIVE_TOKENS("live_tokens.lua", true),
    RELEASE_LEASE("release_lease.lua", false);

    private static final String SHARED = "tokens.lua";

    private final String source;

    TokenScript(String file, boolean withSharedFunctions) {
        this.source = withSharedFunctions ? read(SHARED) + "\n" + read(file) : read(file);
    }

    /** @return the complete Lua text to load into Redis */
    String source() {
        return source;
    }

    private static String read(String file) {
        try (InputStream in = TokenScript.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the Lua script " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + file, e);
        }
    }
}
