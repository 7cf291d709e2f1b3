package io.mpauthx.adapter.redis;

import io.lettuce.core.SetArgs;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.RetainedSessionKeys;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Sealed session keys in Redis: one string per owner, {@code mpauthx:{<sku>:<userId>}:sk}, under the owner's hash
 * tag (the same Cluster slot as the owner's tokens) and with the retention as its TTL. The value is sealed text;
 * failures name the operation, never the value.
 */
final class RedisRetainedSessionKeys implements RetainedSessionKeys {

    private final LettuceConnection connection;

    RedisRetainedSessionKeys(LettuceConnection connection) {
        this.connection = connection;
    }

    static String keyOf(TokenOwner owner) {
        return OwnerKey.of(owner) + ":sk";
    }

    @Override
    public void keep(TokenOwner owner, String sealed, Duration retention) {
        connection.run("keep the session_key of a user", () -> connection.sync().set(keyOf(owner),
                sealed.getBytes(StandardCharsets.US_ASCII), SetArgs.Builder.px(Math.max(1, retention.toMillis()))));
    }

    @Override
    public Optional<String> find(TokenOwner owner) {
        byte[] sealed = connection.run("read the session_key of a user", () -> connection.sync().get(keyOf(owner)));
        return Optional.ofNullable(sealed).map(bytes -> new String(bytes, StandardCharsets.US_ASCII));
    }

    @Override
    public boolean forget(TokenOwner owner) {
        Long removed = connection.run("forget the session_key of a user", () -> connection.sync().del(keyOf(owner)));
        return removed != null && removed > 0;
    }
}
