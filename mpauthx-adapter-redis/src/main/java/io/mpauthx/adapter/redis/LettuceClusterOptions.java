package io.mpauthx.adapter.redis;

import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import java.time.Duration;

/** How the cluster client follows a changing cluster: failovers, resharding, nodes joining and leaving. */
final class LettuceClusterOptions {

    private LettuceClusterOptions() {
    }

    /**
     * Periodic topology refresh catches what nobody reports; adaptive refresh (on {@code MOVED}, {@code ASK}, a
     * node that keeps refusing reconnects, a slot without a node) catches a failover within about a second.
     * Nodes the cluster marked failed are left out of the topology, so the client closes its connection to a dead
     * primary instead of reconnecting to it forever.
     */
    static ClusterClientOptions of(Duration commandTimeout) {
        ClusterTopologyRefreshOptions refresh = ClusterTopologyRefreshOptions.builder()
                .enablePeriodicRefresh(RedisSettings.CLUSTER_TOPOLOGY_REFRESH_PERIOD)
                .enableAllAdaptiveRefreshTriggers()
                .adaptiveRefreshTriggersTimeout(RedisSettings.CLUSTER_ADAPTIVE_REFRESH_MIN_INTERVAL)
                .build();
        ClusterClientOptions.Builder options = ClusterClientOptions.builder()
                .topologyRefreshOptions(refresh)
                .nodeFilter(LettuceClusterOptions::isReachable);
        LettuceConnection.applyCommonOptions(options, commandTimeout);
        return options.build();
    }

    private static boolean isReachable(RedisClusterNode node) {
        return !(node.is(RedisClusterNode.NodeFlag.FAIL) || node.is(RedisClusterNode.NodeFlag.NOADDR));
    }
}
