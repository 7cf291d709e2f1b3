package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs {@link TokenScript}s by {@code EVALSHA}: each script is loaded once ({@code SCRIPT LOAD}, which Lettuce sends
 * to every node of a cluster), so a round trip never carries the script's text. A node that answers
 * {@code NOSCRIPT} (restarted, {@code SCRIPT FLUSH}ed, a replica promoted by a failover, a node added since) gets
 * the script once by {@code EVAL}, which runs it and keeps it: the same command, routed to the same node by the
 * same key, so no other node has to be reachable for it. Scripts are server-wide, so any connection to the same
 * Redis may run them.
 */
final class LuaScripts {

    private final Map<TokenScript, String> digests = new EnumMap<>(TokenScript.class);

    /** Loads every script; the digests never change, as Redis names a script by the SHA-1 of its text. */
    LuaScripts(RedisClusterCommands<String, byte[]> commands) {
        for (TokenScript script : TokenScript.values()) {
            digests.put(script, commands.scriptLoad(script.source()));
        }
    }

    <T> T run(RedisClusterCommands<String, byte[]> commands, TokenScript script, ScriptOutputType output,
              String key, byte[]... arguments) {
        String[] keys = {key};
        try {
            return commands.evalsha(digests.get(script), output, keys, arguments);
        } catch (RedisNoScriptException forgotten) {
            return commands.eval(script.source(), output, keys, arguments);
        }
    }

    <T> CompletableFuture<T> runAsync(RedisClusterAsyncCommands<String, byte[]> commands, TokenScript script,
                                      ScriptOutputType output, String key, byte[]... arguments) {
        String[] keys = {key};
        CompletableFuture<T> first = commands.<T>evalsha(digests.get(script), output, keys, arguments)
                .toCompletableFuture();
        return first.exceptionallyCompose(failure -> isNoScript(failure)
                ? commands.<T>eval(script.source(), output, keys, arguments).toCompletableFuture()
                : CompletableFuture.failedFuture(failure));
    }

    private static boolean isNoScript(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RedisNoScriptException;
    }
}
