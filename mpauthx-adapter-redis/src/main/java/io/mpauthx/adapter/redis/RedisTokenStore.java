package io.mpauthx.adapter.redis;

import io.lettuce.core.ScriptOutputType;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link TokenStore} on Redis. The check is one {@code EXISTS}; every write is one atomic Lua script over the
 * owner's keys (see {@link OwnerKeys}), stamped with Redis's own clock in microseconds.
 */
final class RedisTokenStore implements TokenStore {

    /** Microsecond expiries must stay exact in a Lua number (a double); a century is far inside that. */
    static final Duration MAX_TTL = Duration.ofDays(36_500);
    /** Redis expires keys by the millisecond; a shorter lifetime could not be kept. */
    static final Duration MIN_TTL = Duration.ofMillis(1);
    private static final long MICROS_PER_SECOND = 1_000_000;

    private final LettuceConnection connection;
    private final LuaScripts scripts;

    RedisTokenStore(LettuceConnection connection) {
        this.connection = connection;
        this.scripts = call("load its Lua scripts", () -> new LuaScripts(connection.sync()));
    }

    @Override
    public StoredToken issue(TokenOwner owner, TokenHash hash, Duration ttl, int maxTokensPerOwner) {
        if (maxTokensPerOwner < 1) {
            throw new IllegalArgumentException("maxTokensPerOwner must be at least 1");
        }
        String ttlMicros = micros(ttl);
        OwnerKeys keys = OwnerKeys.of(owner);
        List<Object> stamped = call("issue a token", () -> scripts.run(TokenScript.ISSUE, ScriptOutputType.MULTI,
                new String[] {keys.index(), keys.token(hash)},
                keys.tokenPrefix(), hash.value(), ttlMicros, Integer.toString(maxTokensPerOwner)));
        return stored(hash, stamped.get(0), stamped.get(1));
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, TokenHash hash, Duration ttl) {
        String ttlMicros = micros(ttl);
        OwnerKeys keys = OwnerKeys.of(owner);
        List<Object> stamped = call("replace the tokens of a user", () -> scripts.run(TokenScript.REPLACE_ALL,
                ScriptOutputType.MULTI, new String[] {keys.index(), keys.token(hash)},
                keys.tokenPrefix(), hash.value(), ttlMicros));
        return stored(hash, stamped.get(0), stamped.get(1));
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        String key = OwnerKeys.of(owner).token(hash);
        return call("check a token", () -> connection.sync().exists(key)) == 1L;
    }

    @Override
    public CompletionStage<Boolean> isLiveAsync(TokenOwner owner, TokenHash hash) {
        String key = OwnerKeys.of(owner).token(hash);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        try {
            connection.async().exists(key).whenComplete((count, failure) -> {
                if (failure == null) {
                    answer.complete(count == 1L);
                } else {
                    answer.completeExceptionally(RedisFailures.translate("check a token", failure));
                }
            });
        } catch (RuntimeException rejected) {
            answer.completeExceptionally(RedisFailures.translate("check a token", rejected));
        }
        return answer;
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenHash hash) {
        OwnerKeys keys = OwnerKeys.of(owner);
        Long revoked = call("revoke a token", () -> scripts.run(TokenScript.REVOKE, ScriptOutputType.INTEGER,
                new String[] {keys.index(), keys.token(hash)}, keys.tokenPrefix(), hash.value()));
        return revoked == 1L;
    }

    @Override
    public int revokeAll(TokenOwner owner) {
        OwnerKeys keys = OwnerKeys.of(owner);
        Long revoked = call("revoke the tokens of a user", () -> scripts.run(TokenScript.REVOKE_ALL,
                ScriptOutputType.INTEGER, new String[] {keys.index()}, keys.tokenPrefix()));
        return Math.toIntExact(revoked);
    }

    @Override
    public List<StoredToken> liveTokens(TokenOwner owner) {
        OwnerKeys keys = OwnerKeys.of(owner);
        List<Object> flat = call("list the tokens of a user", () -> scripts.run(TokenScript.LIVE_TOKENS,
                ScriptOutputType.MULTI, new String[] {keys.index()}, keys.tokenPrefix()));
        List<StoredToken> live = new ArrayList<>(flat.size() / 3);
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            live.add(stored(new TokenHash((String) flat.get(i)), flat.get(i + 1), flat.get(i + 2)));
        }
        // the index orders by expiry; callers want the order of issue, which differs only for mixed lifetimes
        live.sort(Comparator.comparing(StoredToken::issuedAt));
        return live;
    }

    /** Closes the connection and the client's threads. Idempotent. */
    @Override
    public void close() {
        connection.close();
    }

    private static <T> T call(String operation, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException failure) {
            throw RedisFailures.translate(operation, failure);
        }
    }

    private static String micros(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("a token's TTL must be between " + MIN_TTL + " and " + MAX_TTL);
        }
        return Long.toString(TimeUnit.NANOSECONDS.toMicros(ttl.toNanos()));
    }

    private static StoredToken stored(TokenHash hash, Object issuedMicros, Object expiresMicros) {
        return new StoredToken(hash, instant(issuedMicros), instant(expiresMicros));
    }

    /** Scripts answer integers, or score strings such as {@code "1763900000123456"}. */
    private static Instant instant(Object micros) {
        long value = micros instanceof Number number ? number.longValue() : (long) Double.parseDouble((String) micros);
        return Instant.ofEpochSecond(value / MICROS_PER_SECOND, (value % MICROS_PER_SECOND) * 1_000);
    }
}
