package io.mpauthx.testkit.junit;

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
public abstract class ClassScopedFixtureExtension<T extends AutoCloseable> implements ParameterResolver {

    private final Class<T> type;
    private final Supplier<T> start;

    /**
     * @param type the fixture's type, which test parameters ask for
     * @param start starts the fixture on first use
     */
    protected ClassScopedFixtureExtension(Class<T> type, Supplier<T> start) {
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
