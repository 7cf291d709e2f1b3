package io.mpauthx.bootstrap;

import java.util.function.Function;

/**
 * Which adapter the builder chose for a port, and how to open it once the whole configuration is known.
 * Opening happens in the Guice providers, never while the builder runs.
 *
 * @param description what was chosen, for logs and messages; never a secret
 * @param opener opens the adapter for the final configuration
 * @param <T> the port type
 */
record AdapterChoice<T>(String description, Function<MpAuthXConfig, T> opener) {

    T open(MpAuthXConfig config) {
        return opener.apply(config);
    }

    static <T> AdapterChoice<T> custom(String portName, T adapter) {
        return new AdapterChoice<>("custom " + portName + " (" + adapter.getClass().getName() + ")", config -> adapter);
    }
}
