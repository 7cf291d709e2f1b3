package io.mpauthx.testkit.postgres;

import io.mpauthx.testkit.junit.ClassScopedFixtureExtension;
import io.mpauthx.testkit.junit.ClassScopedFixtures;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class its own real PostgreSQL server: started on a free loopback port before the class's first
 * test, stopped after its last (its directory deleted), and injected as a {@link LocalPostgres} parameter into
 * constructors, lifecycle methods and tests. Nested classes share their enclosing class's server.
 *
 * <pre>{@code
 * @ExtendWith(PostgresServerExtension.class)
 * class MyRepositoryIT {
 *     @Test
 *     void survivesARestart(LocalPostgres postgres) {
 *         String url = postgres.jdbcUrl(postgres.createDatabase());
 *         // connect as postgres.user() with postgres.password(); postgres.stop(); postgres.start();
 *     }
 * }
 * }</pre>
 *
 * The server is never the machine's own PostgreSQL on 5432, and every test class starts with a new one.
 */
public final class PostgresServerExtension extends ClassScopedFixtureExtension<LocalPostgres>
        implements BeforeAllCallback {

    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public PostgresServerExtension() {
        super(LocalPostgres.class, LocalPostgres::startOnFreePort);
    }

    /** Starts the class's server (JUnit closes it, as an {@link AutoCloseable} store value, after the class). */
    @Override
    public void beforeAll(ExtensionContext context) {
        ClassScopedFixtures.get(context, LocalPostgres.class, LocalPostgres::startOnFreePort);
    }
}
