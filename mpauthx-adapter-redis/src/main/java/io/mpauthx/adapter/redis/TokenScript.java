package io.mpauthx.adapter.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Lua scripts behind every write and listing of {@link RedisTokenStore}, read from the resources beside this
 * class. Each script's text is the shared {@code owner.lua} followed by its own file.
 */
enum TokenScript {
    ISSUE("issue.lua"),
    REPLACE_ALL("replace_all.lua"),
    REVOKE("revoke.lua"),
    REVOKE_ALL("revoke_all.lua"),
    LIVE_TOKENS("live_tokens.lua");

    private static final String SHARED = "owner.lua";

    private final String source;

    TokenScript(String file) {
        this.source = read(SHARED) + "\n" + read(file);
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
