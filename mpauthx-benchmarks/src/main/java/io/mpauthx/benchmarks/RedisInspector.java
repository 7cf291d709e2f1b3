package io.mpauthx.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A plain connection for what the figures do to Redis beside mpauthx: empty it, fill it, weigh its keys. */
final class RedisInspector implements AutoCloseable {

    private static final int BATCH = 1_000;
    private static final int POPULATE_PER_SCRIPT = 100_000;
    /** The keys {@code DEBUG POPULATE} would write, for servers that do not allow DEBUG (Redis 7's default). */
    private static final String POPULATE_SCRIPT = "for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do "
            + "redis.call('SET', 'key:' .. i, 'value:' .. i) end return 1";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisInspector(String uri) {
        this.client = RedisClient.create(uri);
        this.connection = client.connect();
    }

    RedisCommands<String, String> commands() {
        return connection.sync();
    }

    void flushAll() {
        commands().flushall();
    }

    /** @return how {@code count} unrelated keys were written: DEBUG POPULATE, or a Lua loop where DEBUG is refused */
    String populate(int count) {
        try {
            commands().dispatch(CommandType.DEBUG, new StatusOutput<>(StringCodec.UTF8),
                    new CommandArgs<>(StringCodec.UTF8).add("POPULATE").add(count));
            return "DEBUG POPULATE";
        } catch (RuntimeException debugRefused) {
            for (int first = 0; first < count; first += POPULATE_PER_SCRIPT) {
                int last = Math.min(count, first + POPULATE_PER_SCRIPT) - 1;
                commands().eval(POPULATE_SCRIPT, ScriptOutputType.INTEGER, new String[0],
                        Integer.toString(first), Integer.toString(last));
            }
            return "a Lua SET loop (DEBUG refused by the server)";
        }
    }

    long keyCount() {
        return commands().dbsize();
    }

    /**
     * @param pattern a SCAN pattern
     * @return the summed {@code MEMORY USAGE} of every key matching it, and how many keys that was; exact for the
     *     strings and small sorted sets (listpacks) of tokens
     */
    long[] memoryUsage(String pattern) {
        long bytes = 0;
        long keys = 0;
        ScanArgs match = ScanArgs.Builder.matches(pattern).limit(BATCH);
        var cursor = commands().scan(match);
        while (true) {
            bytes += memoryUsage(cursor.getKeys());
            keys += cursor.getKeys().size();
            if (cursor.isFinished()) {
                return new long[] {bytes, keys};
            }
            cursor = commands().scan(cursor, match);
        }
    }

    /** @return the summed {@code MEMORY USAGE} of these keys */
    long memoryUsage(List<String> keys) {
        List<RedisFuture<Long>> sizes = new ArrayList<>(keys.size());
        for (String key : keys) {
            sizes.add(connection.async().memoryUsage(key));
        }
        long total = 0;
        for (RedisFuture<Long> size : sizes) {
            total += await(size);
        }
        return total;
    }

    /** @return {@code used_memory} of {@code INFO memory}, in bytes */
    long usedMemory() {
        for (String line : commands().info("memory").split("\\R")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    private static long await(RedisFuture<Long> size) {
        try {
            Long value = size.get(10, TimeUnit.SECONDS);
            return value == null ? 0 : value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while weighing keys", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("MEMORY USAGE failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
