package io.mpauthx.testkit.redis;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * Where the extensions keep their fixtures: one per test class, in JUnit's store, which closes them (they are
 * {@link AutoCloseable}) after the class's last test.
 */
final class ClassScopedFixtures {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ClassScopedFixtures.class);

    private ClassScopedFixtures() {
    }

    /** @return the test class's fixture of that type, started by {@code start} on first use */
    static <T extends AutoCloseable> T get(ExtensionContext context, Class<T> type, Supplier<T> start) {
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
