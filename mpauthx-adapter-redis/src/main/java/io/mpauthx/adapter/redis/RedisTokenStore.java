package io.mpauthx.adapter.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.resource.ClientResources;
import io.mpauthx.domain.DeviceLabel;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenId;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreStatistics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link TokenStore} on Redis: one hash per owner ({@link OwnerKey}, layout in {@code tokens.lua}), every call one
 * atomic Lua script over that one key, stamped with Redis's own clock in microseconds. The check is a script too,
 * comparing the token's expiry with the server's {@code TIME}: still one round trip.
 */
final class RedisTokenStore implements TokenStore, TokenStoreStatistics {

    /** What the check script answers for a token that is not live. */
    static final long NOT_LIVE = -2;
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final String CHECK = "check a token";
    private static final byte[] NO_LABEL = {};

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

    /** @return this store's connection, for the app's access_token kept beside the tokens */
    LettuceConnection connection() {
        return connection;
    }

    /** @return the threads of this store's connection, for another connection of the same store to share */
    ClientResources resources() {
        return connection.resources();
    }

    @Override
    public boolean hasNearCache() {
        return false;
    }

    @Override
    public long nearCacheHits() {
        return 0;
    }

    @Override
    public long nearCacheMisses() {
        return 0;
    }

    @Override
    public int openConnections() {
        return connection.isOpen() ? 1 : 0;
    }

    @Override
    public StoredToken issue(TokenOwner owner, NewToken token, int maxTokensPerOwner) {
        if (maxTokensPerOwner < 1) {
            throw new IllegalArgumentException("maxTokensPerOwner must be at least 1");
        }
        List<Object> stamped = call("issue a token", () -> scripts.run(connection.sync(), TokenScript.ISSUE,
                ScriptOutputType.MULTI, OwnerKey.of(owner), HashBytes.of(token.hash()), micros(token.ttl()),
                ascii(maxTokensPerOwner), label(token.device())));
        return stored(token.hash(), stamped.get(0), stamped.get(1), token.device());
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, NewToken token) {
        List<Object> stamped = call("replace the tokens of a user", () -> scripts.run(connection.sync(),
                TokenScript.REPLACE_ALL, ScriptOutputType.MULTI, OwnerKey.of(owner), HashBytes.of(token.hash()),
                micros(token.ttl()), label(token.device())));
        return stored(token.hash(), stamped.get(0), stamped.get(1), token.device());
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
    public boolean revoke(TokenOwner owner, TokenId id) {
        Long revoked = call("revoke a device's token", () -> scripts.run(connection.sync(), TokenScript.REVOKE_BY_ID,
                ScriptOutputType.INTEGER, OwnerKey.of(owner), HashBytes.of(id)));
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
        List<StoredToken> live = new ArrayList<>(flat.size() / 4);
        for (int i = 0; i + 3 < flat.size(); i += 4) {
            live.add(stored(HashBytes.toHash((byte[]) flat.get(i)), flat.get(i + 1), flat.get(i + 2),
                    storedLabel((byte[]) flat.get(i + 3))));
        }
        return live;
    }

    /** Closes the connection and the client's threads. Idempotent. */
    @Override
    public void close() {
        connection.close();
    }

    private <T> T call(String operation, Supplier<T> command) {
        return connection.run(operation, command);
    }

    /** Microsecond expiries stay exact in a Lua number (a double) far beyond the longest lifetime a token has. */
    private static byte[] micros(Duration ttl) {
        return ascii(TimeUnit.NANOSECONDS.toMicros(ttl.toNanos()));
    }

    private static byte[] label(Optional<DeviceLabel> device) {
        return device.map(DeviceLabel::utf8).orElse(NO_LABEL);
    }

    /** A label the store wrote, read back; bytes that are no label (written by someone else) name no device. */
    private static Optional<DeviceLabel> storedLabel(byte[] utf8) {
        if (utf8.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeviceLabel.of(new String(utf8, StandardCharsets.UTF_8)));
        } catch (MpAuthXException notALabel) {
            return Optional.empty();
        }
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    private static StoredToken stored(TokenHash hash, Object issuedMicros, Object expiresMicros,
                                      Optional<DeviceLabel> device) {
        return new StoredToken(hash, instant((Long) issuedMicros), instant((Long) expiresMicros), device);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / MICROS_PER_SECOND, (micros % MICROS_PER_SECOND) * 1_000);
    }
}
