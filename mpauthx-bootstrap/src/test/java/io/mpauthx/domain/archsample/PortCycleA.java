package io.mpauthx.domain.archsample;

import io.mpauthx.domain.archsample.cycle.PortCycleB;

/** A deliberate violation for ArchitectureRulesBiteTest: half of a package cycle. Test sources only. */
public class PortCycleA {

    /** @return the other half of the cycle */
    public PortCycleB other() {
        return new PortCycleB();
    }
}
