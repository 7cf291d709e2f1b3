package io.mpauthx.testkit.redis;

import io.mpauthx.testkit.junit.ClassScopedFixtures;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class its own real {@code redis-server}: started on a free loopback port before the class's first
 * test, stopped after its last, and injected as a {@link LocalRedisServer} parameter into constructors,
 * lifecycle methods and tests. Nested classes share their enclosing class's server.
 *
 * <pre>{@code
 * @ExtendWith(RedisServerExtension.class)
 * class MyStoreIT {
 *     @Test
 *     void survivesARestart(LocalRedisServer redis) {
 *         // connect to redis.uri(); redis.stop(); redis.start();
 *     }
 * }
 * }</pre>
 *
 * The server is never the machine's own Redis on 6379, and every test class starts empty.
 */
public final class RedisServerExtension implements BeforeAllCallback, ParameterResolver {

    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public RedisServerExtension() {
        // state lives in JUnit's store, scoped to the test class
    }

    /** Starts the class's server (JUnit closes it, as an {@link AutoCloseable} store value, after the class). */
    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    /** @return true for parameters of type {@link LocalRedisServer} */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalRedisServer.class;
    }

    /** @return the test class's server */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static LocalRedisServer server(ExtensionContext context) {
        return ClassScopedFixtures.get(context, LocalRedisServer.class, LocalRedisServer::startOnFreePort);
    }
}
