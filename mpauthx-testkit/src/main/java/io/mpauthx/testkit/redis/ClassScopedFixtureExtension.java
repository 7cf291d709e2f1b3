package io.mpauthx.testkit.redis;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Supplier;

/**
 * Resolves parameters of one fixture type with the test class's fixture, started on first use and closed by JUnit
 * after the class's last test (see {@link ClassScopedFixtures}).
 *
 * @param <T> the fixture type
 */
abstract class ClassScopedFixtureExtension<T extends AutoCloseable> implements ParameterResolver {

    private final Class<T> type;
    private final Supplier<T> start;

    ClassScopedFixtureExtension(Class<T> type, Supplier<T> start) {
        this.type = type;
        this.start = start;
    }

    /** @return true for parameters of the fixture's type */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    /** @return the test class's fixture, started on first use */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return ClassScopedFixtures.get(context, type, start);
    }
}
