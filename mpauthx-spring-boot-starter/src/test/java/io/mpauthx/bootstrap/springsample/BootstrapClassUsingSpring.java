package io.mpauthx.bootstrap.springsample;

import org.springframework.context.ApplicationContext;

/** A deliberate violation for StarterArchitectureTest: a core class naming Spring. Test sources only. */
public class BootstrapClassUsingSpring {

    /**
     * @param context the violation: a Spring type outside the starter
     * @return the context's id
     */
    public String idOf(ApplicationContext context) {
        return context.getId();
    }
}
