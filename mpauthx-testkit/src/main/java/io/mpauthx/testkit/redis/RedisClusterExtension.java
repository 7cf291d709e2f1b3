package io.mpauthx.testkit.redis;

import io.mpauthx.testkit.junit.ClassScopedFixtureExtension;

/**
 * Gives a test class its own real Redis Cluster (three primaries, three replicas; see {@link LocalRedisCluster}):
 * started when a constructor, lifecycle method or test first asks for a {@link LocalRedisCluster} parameter,
 * killed after the class's last test. Nested classes share their enclosing class's cluster.
 *
 * <pre>{@code
 * @ExtendWith(RedisClusterExtension.class)
 * class MyClusterIT {
 *     @Test
 *     void survivesAFailover(LocalRedisCluster cluster) {
 *         // connect to cluster.seedUris(); cluster.primaryOf(slot).crash(); cluster.awaitHealthy();
 *     }
 * }
 * }</pre>
 */
public final class RedisClusterExtension extends ClassScopedFixtureExtension<LocalRedisCluster> {

    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public RedisClusterExtension() {
        super(LocalRedisCluster.class, LocalRedisCluster::start);
    }
}
