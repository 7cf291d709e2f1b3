/**
 * A real {@code redis-server} for tests, started on a free loopback port by a JUnit 5 extension: no mock, no
 * fake, and never the machine's own Redis. Outside the hexagon; used by the Redis adapter's tests and by users
 * testing their backends against mpauthx.
 */
package io.mpauthx.testkit.redis;
