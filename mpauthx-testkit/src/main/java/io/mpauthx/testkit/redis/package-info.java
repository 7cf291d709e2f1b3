/**
 * Real Redis for tests, started on free loopback ports by JUnit 5 extensions: a single {@code redis-server}
 * ({@link io.mpauthx.testkit.redis.RedisServerExtension}), a three-primary, three-replica Redis Cluster
 * ({@link io.mpauthx.testkit.redis.RedisClusterExtension}) and a primary, replica and three sentinels
 * ({@link io.mpauthx.testkit.redis.RedisSentinelExtension}). No mock, no fake, and never the machine's own Redis.
 * Outside the hexagon; used by the Redis adapter's tests and by users testing their backends against mpauthx.
 */
package io.mpauthx.testkit.redis;
