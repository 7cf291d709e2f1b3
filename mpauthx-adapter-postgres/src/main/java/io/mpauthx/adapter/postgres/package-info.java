/**
 * Driven adapter of the hexagon: the {@link io.mpauthx.domain.port.out.UserRepository} port on PostgreSQL (JDBC,
 * through a HikariCP pool of its own or an application's DataSource), its schema owned by Flyway, shared by every
 * instance of an application. {@link io.mpauthx.adapter.postgres.PostgresAdapters} and
 * {@link io.mpauthx.adapter.postgres.PostgresSettings} are the only public types; JDBC, HikariCP and Flyway types
 * never leave this package.
 */
package io.mpauthx.adapter.postgres;
