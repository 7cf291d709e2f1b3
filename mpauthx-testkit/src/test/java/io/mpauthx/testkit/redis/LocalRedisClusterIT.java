package io.mpauthx.testkit.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisClusterExtension.class)
class LocalRedisClusterIT {

    @Test
    void sixNodesFormThreeShardsServingEverySlot(LocalRedisCluster cluster) {
        assertThat(cluster.nodes()).hasSize(6).allMatch(LocalRedisServer::ping);
        assertThat(cluster.primaries()).hasSize(3).allMatch(LocalRedisServer::isRunning);
        Set<LocalRedisServer> owners = new HashSet<>();
        for (int slot = 0; slot < 16_384; slot += 97) {
            owners.add(cluster.primaryOf(slot));
        }
        assertThat(owners).hasSize(3);
        assertThat(cluster.primaryOf(cluster.keySlot("{user}:a"))).isEqualTo(cluster.primaryOf(cluster.keySlot("{user}:b")));
    }

    @Test
    void aCrashedPrimaryIsReplacedByItsReplica(LocalRedisCluster cluster) {
        LocalRedisServer primary = cluster.primaryOf(0);

        primary.crash();
        cluster.awaitHealthy();

        assertThat(cluster.primaryOf(0)).isNotEqualTo(primary).matches(LocalRedisServer::isRunning);
        assertThat(cluster.primaries()).hasSize(3).doesNotContain(primary);
    }
}
