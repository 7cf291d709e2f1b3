package io.mpauthx.adapter.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.resource.ClientResources;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link TokenStore} on Redis: one hash per owner ({@link OwnerKey}, layout in {@code tokens.lua}), every call one
 * atomic Lua script over that one key, stamped with Redis's own clock in microseconds. The check is a script too,
 * comparing the token's expiry with the server's {@code TIME}: still one round trip.
 */
final class RedisTokenStore implements TokenStore {

    /** What the check script answers for a token that is not live. */
    static final long NOT_LIVE = -2;
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final String CHECK = "check a token";

    private final LettuceConnection connection;
    private final LuaScripts scripts;

    RedisTokenStore(LettuceConnection connection) {
        this.connection = connection;
        this.scripts = call("load its Lua scripts", () -> new LuaScripts(connection.sync()));
    }

    /** @return the scripts, loaded on this store's Redis, for another connection to the same Redis */
    LuaScripts scripts() {
        return scripts;
    }

    /** @return the threads of this store's connection, for another connection of the same store to share */
    ClientResources resources() {
        return connection.resources();
    }

    @Override
    public StoredToken issue(TokenOwner owner, TokenHash hash, Duration ttl, int maxTokensPerOwner) {
        if (maxTokensPerOwner < 1) {
            throw new IllegalArgumentException("maxTokensPerOwner must be at least 1");
        }
        byte[] ttlMicros = micros(ttl);
        List<Object> stamped = call("issue a token", () -> scripts.run(connection.sync(), TokenScript.ISSUE,
                ScriptOutputType.MULTI, OwnerKey.of(owner), HashBytes.of(hash), ttlMicros,
                ascii(maxTokensPerOwner)));
        return stored(hash, stamped.get(0), stamped.get(1));
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, TokenHash hash, Duration ttl) {
        byte[] ttlMicros = micros(ttl);
        List<Object> stamped = call("replace the tokens of a user", () -> scripts.run(connection.sync(),
                TokenScript.REPLACE_ALL, ScriptOutputType.MULTI, OwnerKey.of(owner), HashBytes.of(hash), ttlMicros));
        return stored(hash, stamped.get(0), stamped.get(1));
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        String key = OwnerKey.of(owner);
        byte[] field = HashBytes.of(hash);
        Long remaining = call(CHECK, () -> scripts.run(connection.sync(), TokenScript.CHECK,
                ScriptOutputType.INTEGER, key, field));
        return remaining != NOT_LIVE;
    }

    @Override
    public CompletionStage<Boolean> isLiveAsync(TokenOwner owner, TokenHash hash) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        try {
            scripts.<Long>runAsync(connection.async(), TokenScript.CHECK, ScriptOutputType.INTEGER,
                    OwnerKey.of(owner), HashBytes.of(hash)).whenComplete((remaining, failure) -> {
                        if (failure == null) {
                            connection.answered();
                            answer.complete(remaining != NOT_LIVE);
                        } else {
                            connection.failed(failure);
                            answer.completeExceptionally(RedisFailures.translate(CHECK, failure));
                        }
                    });
        } catch (RuntimeException rejected) {
            answer.completeExceptionally(RedisFailures.translate(CHECK, rejected));
        }
        return answer;
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenHash hash) {
        Long revoked = call("revoke a token", () -> scripts.run(connection.sync(), TokenScript.REVOKE,
                ScriptOutputType.INTEGER, OwnerKey.of(owner), HashBytes.of(hash)));
        return revoked == 1L;
    }

    @Override
    public int revokeAll(TokenOwner owner) {
        Long revoked = call("revoke the tokens of a user", () -> scripts.run(connection.sync(),
                TokenScript.REVOKE_ALL, ScriptOutputType.INTEGER, OwnerKey.of(owner)));
        return Math.toIntExact(revoked);
    }

    @Override
    public List<StoredToken> liveTokens(TokenOwner owner) {
        List<Object> flat = call("list the tokens of a user", () -> scripts.run(connection.sync(),
                TokenScript.LIVE_TOKENS, ScriptOutputType.MULTI, OwnerKey.of(owner)));
        List<StoredToken> live = new ArrayList<>(flat.size() / 3);
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            live.add(stored(HashBytes.toHash((byte[]) flat.get(i)), flat.get(i + 1), flat.get(i + 2)));
        }
        return live;
    }

    /** Closes the connection and the client's threads. Idempotent. */
    @Override
    public void close() {
        connection.close();
    }

    private <T> T call(String operation, Supplier<T> command) {
        try {
            T answer = command.get();
            connection.answered();
            return answer;
        } catch (RuntimeException failure) {
            connection.failed(failure);
            throw RedisFailures.translate(operation, failure);
        }
    }

    private static byte[] micros(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        // microsecond expiries stay exact in a Lua number (a double) far beyond the longest lifetime
        if (!AuthSettings.isKeepableTokenTtl(ttl)) {
            throw new IllegalArgumentException("a token's TTL must be between " + AuthSettings.MIN_TOKEN_TTL
                    + " and " + AuthSettings.MAX_TOKEN_TTL);
        }
        return ascii(TimeUnit.NANOSECONDS.toMicros(ttl.toNanos()));
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    private static StoredToken stored(TokenHash hash, Object issuedMicros, Object expiresMicros) {
        return new StoredToken(hash, instant((Long) issuedMicros), instant((Long) expiresMicros));
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / MICROS_PER_SECOND, (micros % MICROS_PER_SECOND) * 1_000);
    }
}
