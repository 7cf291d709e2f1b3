package io.mpauthx.testkit.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real Redis Cluster on loopback: three primaries with one replica each, six {@code redis-server
 * --cluster-enabled yes} processes on free ports, joined by {@code CLUSTER MEET}, {@code ADDSLOTS} and
 * {@code REPLICATE} sent by the fixture itself (no {@code redis-cli} needed). The node timeout is short
 * ({@link #NODE_TIMEOUT}), so a crashed primary's replica takes over within a few seconds. Nothing is persisted.
 *
 * <p>Thread-safe for reading its state; {@link #close()} kills every process and removes their directories.
 */
public final class LocalRedisCluster implements AutoCloseable {

    /** How long the cluster takes to notice a dead node: short, so failover tests end quickly. */
    public static final Duration NODE_TIMEOUT = Duration.ofMillis(1_000);
    /** How long forming the cluster, or healing after a failover, may take. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int PRIMARIES = 3;
    private static final int SLOTS = 16_384;
    private static final Duration MIGRATE_TIMEOUT = Duration.ofSeconds(5);

    private final List<LocalRedisServer> nodes;
    private final Map<LocalRedisServer, String> ids = new HashMap<>();

    private LocalRedisCluster(List<LocalRedisServer> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Starts six nodes with the same binary as {@link LocalRedisServer#startOnFreePort()} and forms the cluster.
     *
     * @return a cluster with every slot served and every replica in sync
     * @throws IllegalStateException if it does not form within {@link #START_TIMEOUT}
     */
    public static LocalRedisCluster start() {
        List<LocalRedisServer> started = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * PRIMARIES; i++) {
                started.add(LocalRedisServer.startOnFreePort(RedisServerExecutable.locate(), port -> List.of(
                        "--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", Long.toString(NODE_TIMEOUT.toMillis()),
                        "--repl-diskless-sync-delay", "0"), ""));
            }
            LocalRedisCluster cluster = new LocalRedisCluster(started);
            cluster.join();
            return cluster;
        } catch (RuntimeException failure) {
            started.forEach(LocalRedisServer::close);
            throw failure;
        }
    }

    /** @return all six nodes, primaries first as started (roles change with failovers) */
    public List<LocalRedisServer> nodes() {
        return nodes;
    }

    /** @return a Redis URI per node, for a cluster client's seed list */
    public List<String> seedUris() {
        return nodes.stream().map(LocalRedisServer::uri).toList();
    }

    /**
     * @param node one of this cluster's nodes
     * @return the node's cluster id
     */
    public String nodeId(LocalRedisServer node) {
        return ids.get(node);
    }

    /**
     * @param key a Redis key
     * @return the slot Redis computes for the key ({@code CLUSTER KEYSLOT})
     */
    public int keySlot(String key) {
        return Math.toIntExact((Long) call(anyRunningNode(), "CLUSTER", "KEYSLOT", key));
    }

    /**
     * @param slot a hash slot, 0 to 16383
     * @return the node serving the slot, as a running node sees the cluster now
     */
    public LocalRedisServer primaryOf(int slot) {
        for (ClusterNodeLine line : view(anyRunningNode())) {
            if (line.isServingPrimary() && line.serves(slot)) {
                return byId(line.id());
            }
        }
        throw new IllegalStateException("no primary serves slot " + slot);
    }

    /** @return the nodes that serve slots now */
    public List<LocalRedisServer> primaries() {
        return view(anyRunningNode()).stream().filter(ClusterNodeLine::isServingPrimary)
                .map(line -> byId(line.id())).toList();
    }

    /**
     * Waits until every running node reports {@code cluster_state:ok} and all agree which running primary serves
     * which slots, as after a failover.
     */
    public void awaitHealthy() {
        Poll.until(START_TIMEOUT, this::isHealthy, "every running node to agree on a healthy cluster");
    }

    /**
     * Moves a slot and its keys to another primary the way {@code redis-cli --cluster reshard} does
     * ({@code SETSLOT IMPORTING/MIGRATING}, {@code MIGRATE}, {@code SETSLOT NODE}), one key per {@code MIGRATE}, so
     * that clients meet {@code ASK} while it runs and {@code MOVED} after.
     *
     * @param slot the slot to move
     * @param target the primary to serve it
     * @param afterEachKey run after each moved key, such as a check that answers must stay right
     */
    public void migrateSlot(int slot, LocalRedisServer target, Runnable afterEachKey) {
        LocalRedisServer source = primaryOf(slot);
        String number = Integer.toString(slot);
        call(target, "CLUSTER", "SETSLOT", number, "IMPORTING", nodeId(source));
        call(source, "CLUSTER", "SETSLOT", number, "MIGRATING", nodeId(target));
        for (List<?> keys = keysIn(source, number); !keys.isEmpty(); keys = keysIn(source, number)) {
            call(source, "MIGRATE", target.host(), Integer.toString(target.port()), "", "0",
                    Long.toString(MIGRATE_TIMEOUT.toMillis()), "KEYS", (String) keys.get(0));
            afterEachKey.run();
        }
        call(target, "CLUSTER", "SETSLOT", number, "NODE", nodeId(target));
        call(source, "CLUSTER", "SETSLOT", number, "NODE", nodeId(target));
        for (LocalRedisServer primary : primaries()) {
            call(primary, "CLUSTER", "SETSLOT", number, "NODE", nodeId(target));
        }
    }

    /** Kills every node and removes their directories. Idempotent. */
    @Override
    public void close() {
        nodes.forEach(LocalRedisServer::close);
    }

    @Override
    public String toString() {
        return "redis cluster " + seedUris();
    }

    private void join() {
        for (LocalRedisServer node : nodes) {
            ids.put(node, (String) call(node, "CLUSTER", "MYID"));
        }
        int perPrimary = SLOTS / PRIMARIES;
        for (int i = 0; i < PRIMARIES; i++) {
            LocalRedisServer primary = nodes.get(i);
            // distinct epochs up front, as redis-cli does, instead of waiting for the nodes to resolve collisions
            call(primary, "CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
            int last = i == PRIMARIES - 1 ? SLOTS - 1 : (i + 1) * perPrimary - 1;
            call(primary, slotsCommand(i * perPrimary, last));
        }
        for (LocalRedisServer node : nodes.subList(1, nodes.size())) {
            call(nodes.get(0), "CLUSTER", "MEET", node.host(), Integer.toString(node.port()));
        }
        Poll.until(START_TIMEOUT, () -> nodes.stream().allMatch(this::knowsEveryNode), "every node to meet every other");
        for (int i = PRIMARIES; i < nodes.size(); i++) {
            call(nodes.get(i), "CLUSTER", "REPLICATE", nodeId(nodes.get(i - PRIMARIES)));
        }
        Poll.until(START_TIMEOUT, () -> isHealthy() && replicasInSync(), "the cluster to form");
    }

    private static String[] slotsCommand(int first, int last) {
        String[] command = new String[2 + last - first + 1];
        command[0] = "CLUSTER";
        command[1] = "ADDSLOTS";
        for (int slot = first; slot <= last; slot++) {
            command[2 + slot - first] = Integer.toString(slot);
        }
        return command;
    }

    private boolean knowsEveryNode(LocalRedisServer node) {
        List<ClusterNodeLine> view = view(node);
        return view.size() == nodes.size() && view.stream().noneMatch(ClusterNodeLine::isHandshaking);
    }

    private boolean replicasInSync() {
        List<LocalRedisServer> replicas = new ArrayList<>(nodes);
        replicas.removeAll(primaries());
        return replicas.size() == PRIMARIES && replicas.stream()
                .allMatch(replica -> ((String) call(replica, "INFO", "replication")).contains("master_link_status:up"));
    }

    private boolean isHealthy() {
        Set<Set<String>> views = new HashSet<>();
        for (LocalRedisServer node : nodes) {
            if (!node.isRunning()) {
                continue;
            }
            if (!((String) call(node, "CLUSTER", "INFO")).contains("cluster_state:ok")) {
                return false;
            }
            Set<String> owners = new HashSet<>();
            for (ClusterNodeLine line : view(node)) {
                if (line.isServingPrimary() && !byId(line.id()).isRunning()) {
                    return false;
                }
                if (line.isServingPrimary()) {
                    owners.add(line.id() + " " + line.slots());
                }
            }
            views.add(owners);
        }
        return views.size() == 1;
    }

    private static List<?> keysIn(LocalRedisServer source, String slot) {
        return (List<?>) call(source, "CLUSTER", "GETKEYSINSLOT", slot, "1");
    }

    private List<ClusterNodeLine> view(LocalRedisServer node) {
        return ClusterNodeLine.parse((String) call(node, "CLUSTER", "NODES"));
    }

    private LocalRedisServer byId(String id) {
        return ids.entrySet().stream().filter(entry -> entry.getValue().equals(id)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalStateException("no node has the id " + id));
    }

    private LocalRedisServer anyRunningNode() {
        return nodes.stream().filter(LocalRedisServer::isRunning).findFirst()
                .orElseThrow(() -> new IllegalStateException("every node of the cluster is down"));
    }

    private static Object call(LocalRedisServer node, String... command) {
        return RespConnection.callOnce(node.host(), node.port(), command);
    }
}
