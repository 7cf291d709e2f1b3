package io.mpauthx.testkit.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Sentinel setup on loopback: a primary, its replica and three sentinels ({@code redis-server --sentinel})
 * watching them under the name {@value #MASTER_NAME}, quorum 2. The sentinels give up on a silent primary after
 * {@link #DOWN_AFTER}, so a crashed primary's replica is promoted within a few seconds. Nothing is persisted.
 *
 * <p>{@link #close()} kills all five processes and removes their directories.
 */
public final class LocalRedisSentinel implements AutoCloseable {

    /** The name the sentinels know the primary by: the fragment of {@link #uri()}. */
    public static final String MASTER_NAME = "mpauthx";
    /** How long the primary may be silent before a sentinel considers it down. */
    public static final Duration DOWN_AFTER = Duration.ofMillis(1_000);
    /** How long forming the setup, or a failover, may take. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int SENTINELS = 3;
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(3);

    private final LocalRedisServer primary;
    private final LocalRedisServer replica;
    private final List<LocalRedisServer> sentinels = new ArrayList<>();

    private LocalRedisSentinel(LocalRedisServer primary, LocalRedisServer replica) {
        this.primary = primary;
        this.replica = replica;
    }

    /**
     * Starts the primary, the replica and the sentinels with the binary of {@link LocalRedisServer#startOnFreePort()}.
     *
     * @return a setup whose replica is in sync and whose sentinels know each other and the replica
     * @throws IllegalStateException if it is not ready within {@link #START_TIMEOUT}
     */
    public static LocalRedisSentinel start() {
        LocalRedisServer primary = LocalRedisServer.startOnFreePort(RedisServerExecutable.locate(),
                port -> List.of("--repl-diskless-sync-delay", "0"), "");
        LocalRedisSentinel setup = null;
        try {
            LocalRedisServer replica = LocalRedisServer.startOnFreePort(RedisServerExecutable.locate(), port -> List.of(
                    "--replicaof", primary.host(), Integer.toString(primary.port()),
                    "--repl-diskless-sync-delay", "0"), "");
            setup = new LocalRedisSentinel(primary, replica);
            setup.startSentinels();
            return setup;
        } catch (RuntimeException failure) {
            if (setup != null) {
                setup.close();
            }
            primary.close();
            throw failure;
        }
    }

    /** @return {@code redis-sentinel://127.0.0.1:<port>,...#mpauthx}, naming all three sentinels */
    public String uri() {
        return "redis-sentinel://" + sentinels.stream().map(sentinel -> sentinel.host() + ":" + sentinel.port())
                .collect(Collectors.joining(",")) + "#" + MASTER_NAME;
    }

    /** @return the server that started as the primary */
    public LocalRedisServer initialPrimary() {
        return primary;
    }

    /** @return the server that started as the replica */
    public LocalRedisServer initialReplica() {
        return replica;
    }

    /** @return the three sentinels */
    public List<LocalRedisServer> sentinels() {
        return List.copyOf(sentinels);
    }

    /** @return the server every sentinel names as the primary now ({@code SENTINEL GET-MASTER-ADDR-BY-NAME}) */
    public LocalRedisServer currentPrimary() {
        List<Integer> named = sentinels.stream().filter(LocalRedisServer::isRunning).map(this::primaryPortOf)
                .distinct().toList();
        if (named.size() != 1) {
            throw new IllegalStateException("the sentinels disagree on the primary: ports " + named);
        }
        return named.get(0) == primary.port() ? primary : replica;
    }

    /**
     * Waits until every sentinel names the given server as the primary and the server says it is one.
     *
     * @param expected the server that should be the primary, such as the initial replica after a crash
     */
    public void awaitPrimary(LocalRedisServer expected) {
        Poll.until(START_TIMEOUT, () -> currentPrimary() == expected
                && ((String) call(expected, "INFO", "replication")).contains("role:master"),
                "the sentinels to promote " + expected);
    }

    /** Kills the sentinels, the replica and the primary and removes their directories. Idempotent. */
    @Override
    public void close() {
        sentinels.forEach(LocalRedisServer::close);
        replica.close();
        primary.close();
    }

    @Override
    public String toString() {
        return "redis sentinel setup " + uri();
    }

    private void startSentinels() {
        String configuration = String.join("\n",
                "sentinel monitor " + MASTER_NAME + " " + primary.host() + " " + primary.port() + " 2",
                "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER.toMillis(),
                "sentinel failover-timeout " + MASTER_NAME + " " + FAILOVER_TIMEOUT.toMillis(),
                "sentinel parallel-syncs " + MASTER_NAME + " 1", "");
        Poll.until(START_TIMEOUT, () -> ((String) call(replica, "INFO", "replication"))
                .contains("master_link_status:up"), "the replica to sync with the primary");
        for (int i = 0; i < SENTINELS; i++) {
            sentinels.add(LocalRedisServer.startOnFreePort(RedisServerExecutable.locate(),
                    port -> List.of("--sentinel"), configuration));
        }
        Poll.until(START_TIMEOUT, () -> sentinels.stream().allMatch(this::knowsEverything),
                "the sentinels to find each other and the replica");
    }

    private boolean knowsEverything(LocalRedisServer sentinel) {
        List<?> others = (List<?>) call(sentinel, "SENTINEL", "SENTINELS", MASTER_NAME);
        List<?> replicas = (List<?>) call(sentinel, "SENTINEL", "REPLICAS", MASTER_NAME);
        return others.size() == SENTINELS - 1 && replicas.size() == 1;
    }

    private int primaryPortOf(LocalRedisServer sentinel) {
        List<?> address = (List<?>) call(sentinel, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
        return Integer.parseInt((String) address.get(1));
    }

    private static Object call(LocalRedisServer node, String... command) {
        return RespConnection.callOnce(node.host(), node.port(), command);
    }
}
