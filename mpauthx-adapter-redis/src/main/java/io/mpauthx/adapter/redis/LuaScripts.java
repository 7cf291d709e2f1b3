package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.EnumMap;
import java.util.Map;

/**
 * Runs {@link TokenScript}s by {@code EVALSHA}: each script is loaded once, and again when Redis answers
 * {@code NOSCRIPT} (after a restart or {@code SCRIPT FLUSH}), so a round trip never carries the script's text.
 */
final class LuaScripts {

    private final RedisCommands<String, String> commands;
    private final Map<TokenScript, String> digests = new EnumMap<>(TokenScript.class);

    /** Loads every script; the digests never change, as Redis names a script by the SHA-1 of its text. */
    LuaScripts(RedisCommands<String, String> commands) {
        this.commands = commands;
        for (TokenScript script : TokenScript.values()) {
            digests.put(script, commands.scriptLoad(script.source()));
        }
    }

    <T> T run(TokenScript script, ScriptOutputType output, String[] keys, String... arguments) {
        String digest = digests.get(script);
        try {
            return commands.evalsha(digest, output, keys, arguments);
        } catch (RedisNoScriptException forgotten) {
            commands.scriptLoad(script.source());
            return commands.evalsha(digest, output, keys, arguments);
        }
    }
}
