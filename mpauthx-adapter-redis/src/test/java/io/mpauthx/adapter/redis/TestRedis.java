package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixtures for tests against the extension's redis-server: stores, and a plain Lettuce client to look at what the
 * store left in Redis.
 */
final class TestRedis implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisConnection<byte[], byte[]> raw;

    private TestRedis(LocalRedisServer server) {
        this.client = RedisClient.create(server.uri());
        this.connection = client.connect();
        this.raw = client.connect(ByteArrayCodec.INSTANCE);
    }

    /** @return a plain client to inspect the server's keys; close it after the test */
    static TestRedis inspect(LocalRedisServer server) {
        return new TestRedis(server);
    }

    static TokenStore store(LocalRedisServer server) {
        return store(server, RedisSettings.DEFAULT_COMMAND_TIMEOUT);
    }

    static TokenStore store(LocalRedisServer server, Duration commandTimeout) {
        return RedisAdapters.tokenStore(RedisSettings.builder().uri(server.uri()).commandTimeout(commandTimeout).build());
    }

    RedisCommands<String, String> commands() {
        return connection.sync();
    }

    /** @return commands on raw bytes, as the store's hash fields and entries are */
    RedisCommands<byte[], byte[]> raw() {
        return raw.sync();
    }

    /** Writes unrelated keys fast: batches of MSET, the way a busy shared Redis holds other data. */
    void fillWithUnrelatedKeys(int count) {
        int batch = 10_000;
        for (int start = 0; start < count; start += batch) {
            Map<String, String> keys = new HashMap<>();
            for (int i = start; i < Math.min(count, start + batch); i++) {
                keys.put("unrelated:" + i, "value");
            }
            commands().mset(keys);
        }
    }

    /** @return how often Redis ran a command since start or CONFIG RESETSTAT, from INFO commandstats */
    long calls(String command) {
        return calls(commands().info("commandstats"), command);
    }

    /** @return the calls of the command in the text of INFO commandstats */
    static long calls(String commandStats, String command) {
        String prefix = "cmdstat_" + command + ":calls=";
        return commandStats.lines()
                .filter(line -> line.startsWith(prefix))
                .mapToLong(line -> Long.parseLong(line.substring(prefix.length(), line.indexOf(',', prefix.length()))))
                .findFirst().orElse(0);
    }

    @Override
    public void close() {
        raw.close();
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
