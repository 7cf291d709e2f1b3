package io.mpauthx.adapter.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.mpauthx.domain.port.out.SharedAppAccessToken;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The app's access_token in Redis, for every instance of the application: one string key whose TTL is the time
 * the token is to be used, and one lease key ({@code SET NX PX}) naming the instance that refreshes it. Both keys
 * share the hash tag {@code {app:<appId>}}, so on a Redis Cluster they live in one slot. The token is a secret:
 * it is never logged, and failures name the key, not the value.
 */
final class RedisSharedAppAccessToken implements SharedAppAccessToken {

    private final LettuceConnection connection;
    private final LuaScripts scripts;
    private final String tokenKey;
    private final String leaseKey;

    RedisSharedAppAccessToken(LettuceConnection connection, LuaScripts scripts, String appId) {
        this.connection = connection;
        this.scripts = scripts;
        this.tokenKey = "mpauthx:{app:" + appId + "}:access_token";
        this.leaseKey = tokenKey + ":lease";
    }

    @Override
    public Optional<String> read() {
        byte[] stored = call("read the app's access_token", () -> connection.sync().get(tokenKey));
        return Optional.ofNullable(stored).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void write(String token, Duration keepFor) {
        call("store the app's access_token", () -> connection.sync().set(tokenKey,
                token.getBytes(StandardCharsets.UTF_8), SetArgs.Builder.px(Math.max(1, keepFor.toMillis()))));
    }

    @Override
    public boolean tryAcquireRefresh(String holder, Duration lease) {
        String answer = call("take the refresh lease of the app's access_token", () -> connection.sync().set(leaseKey,
                holder.getBytes(StandardCharsets.UTF_8), SetArgs.Builder.nx().px(Math.max(1, lease.toMillis()))));
        return "OK".equals(answer);
    }

    @Override
    public void releaseRefresh(String holder) {
        call("end the refresh lease of the app's access_token", () -> scripts.<Long>run(connection.sync(),
                TokenScript.RELEASE_LEASE, ScriptOutputType.INTEGER, leaseKey,
                holder.getBytes(StandardCharsets.UTF_8)));
    }

    private <T> T call(String operation, Supplier<T> command) {
        return connection.run(operation, command);
    }

    @Override
    public String toString() {
        return "RedisSharedAppAccessToken[" + tokenKey + "]";
    }
}
