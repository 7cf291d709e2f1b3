package io.mpauthx.testkit.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * Where the testkit's extensions keep their fixtures: one per test class, in JUnit's store, which closes them (they
 * are {@link AutoCloseable}) after the class's last test.
 */
public final class ClassScopedFixtures {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ClassScopedFixtures.class);

    private ClassScopedFixtures() {
    }

    /**
     * @param context the context of whatever asks: a class, a lifecycle method or a test
     * @param type the fixture's type, one fixture per type and class
     * @param start starts the fixture on first use
     * @param <T> the fixture's type
     * @return the test class's fixture of that type, started by {@code start} on first use
     */
    public static <T extends AutoCloseable> T get(ExtensionContext context, Class<T> type, Supplier<T> start) {
        return classContext(context).getStore(NAMESPACE).getOrComputeIfAbsent(type, key -> start.get(), type);
    }

    /** Parameters of a test method must not get a fixture that dies with the method's own context. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
