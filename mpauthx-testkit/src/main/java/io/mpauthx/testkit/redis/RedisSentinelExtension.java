package io.mpauthx.testkit.redis;

import io.mpauthx.testkit.junit.ClassScopedFixtureExtension;

/**
 * Gives a test class its own real Sentinel setup (a primary, a replica, three sentinels; see
 * {@link LocalRedisSentinel}): started when a constructor, lifecycle method or test first asks for a
 * {@link LocalRedisSentinel} parameter, killed after the class's last test.
 *
 * <pre>{@code
 * @ExtendWith(RedisSentinelExtension.class)
 * class MySentinelIT {
 *     @Test
 *     void survivesAFailover(LocalRedisSentinel redis) {
 *         // connect to redis.uri(); redis.initialPrimary().crash(); redis.awaitPrimary(redis.initialReplica());
 *     }
 * }
 * }</pre>
 */
public final class RedisSentinelExtension extends ClassScopedFixtureExtension<LocalRedisSentinel> {

    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public RedisSentinelExtension() {
        super(LocalRedisSentinel.class, LocalRedisSentinel::start);
    }
}
