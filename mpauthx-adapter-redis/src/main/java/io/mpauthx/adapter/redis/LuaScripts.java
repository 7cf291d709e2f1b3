package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.util.EnumMap;
import java.util.Map;

/**
 * Runs {@link TokenScript}s by {@code EVALSHA}: each script is loaded once ({@code SCRIPT LOAD}, which Lettuce sends
 * to every node of a cluster), so a round trip never carries the script's text. A node that answers
 * {@code NOSCRIPT} (restarted, {@code SCRIPT FLUSH}ed, a replica promoted by a failover, a node added since) gets
 * the script once by {@code EVAL}, which runs it and keeps it: the same command, routed to the same node by the
 * same key, so no other node has to be reachable for it.
 */
final class LuaScripts {

    private final RedisClusterCommands<String, String> commands;
    private final Map<TokenScript, String> digests = new EnumMap<>(TokenScript.class);

    /** Loads every script; the digests never change, as Redis names a script by the SHA-1 of its text. */
    LuaScripts(RedisClusterCommands<String, String> commands) {
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
            return commands.eval(script.source(), output, keys, arguments);
        }
    }
}
