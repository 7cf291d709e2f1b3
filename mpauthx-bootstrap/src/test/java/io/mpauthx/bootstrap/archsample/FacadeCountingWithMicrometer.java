package io.mpauthx.bootstrap.archsample;

import io.micrometer.core.instrument.Counter;

/** A deliberate violation for ArchitectureRulesBiteTest: Micrometer outside the optional meter binding. Test sources only. */
public class FacadeCountingWithMicrometer {

    /**
     * @param logins the violation: a Micrometer type where the library must load without Micrometer
     */
    public void count(Counter logins) {
        logins.increment();
    }
}
