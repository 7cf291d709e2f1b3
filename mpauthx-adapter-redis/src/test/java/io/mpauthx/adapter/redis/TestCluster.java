package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.testkit.redis.LocalRedisCluster;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Fixtures for tests against the extension's Redis Cluster: stores, and a plain Lettuce cluster client to look at
 * where the store's keys went.
 */
final class TestCluster implements AutoCloseable {

    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, String> connection;

    private TestCluster(LocalRedisCluster cluster) {
        this.client = RedisClusterClient.create(cluster.seedUris().stream().map(RedisURI::create).toList());
        this.connection = client.connect();
    }

    static TokenStore store(LocalRedisCluster cluster) {
        return RedisAdapters.tokenStore(settings(cluster));
    }

    static RedisSettings settings(LocalRedisCluster cluster) {
        return RedisSettings.builder().cluster(cluster.seedUris().toArray(String[]::new)).build();
    }

    /** @return a plain client with the cluster's current topology; close it after the test */
    static TestCluster inspect(LocalRedisCluster cluster) {
        return new TestCluster(cluster);
    }

    /** @return the SHA-1 Redis names the script by */
    static String digest(TokenScript script) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(script.source().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    RedisAdvancedClusterAsyncCommands<String, String> async() {
        return connection.async();
    }

    String primaryIdOf(int slot) {
        return connection.getPartitions().getPartitionBySlot(slot).getNodeId();
    }

    List<String> primaryIds() {
        return connection.getPartitions().stream()
                .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.getSlots().isEmpty())
                .map(RedisClusterNode::getNodeId).toList();
    }

    /** @return how many of the keys exist on that node itself, asked with one pipelined EXISTS per pair */
    long existingOn(String nodeId, List<String[]> keyPairs) throws InterruptedException, ExecutionException {
        List<RedisFuture<Long>> counts = new ArrayList<>();
        for (String[] keys : keyPairs) {
            counts.add(connection.getConnection(nodeId).async().exists(keys));
        }
        long existing = 0;
        for (RedisFuture<Long> count : counts) {
            existing += count.get();
        }
        return existing;
    }

    RedisClusterCommands<String, String> node(LocalRedisServer server) {
        return connection.getConnection(server.host(), server.port()).sync();
    }

    /** @return how often the node ran a command since it started, from INFO commandstats */
    long calls(LocalRedisServer server, String command) {
        return TestRedis.calls(node(server).info("commandstats"), command);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
