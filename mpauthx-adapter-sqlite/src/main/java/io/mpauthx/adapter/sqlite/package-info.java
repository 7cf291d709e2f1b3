/**
 * Driven adapter of the hexagon: the {@link io.mpauthx.domain.port.out.UserRepository} port on a SQLite file
 * (sqlite-jdbc), its schema owned by Flyway. {@link io.mpauthx.adapter.sqlite.SqliteAdapters} is the only public
 * type; JDBC, SQLite and Flyway types never leave this package.
 */
package io.mpauthx.adapter.sqlite;
