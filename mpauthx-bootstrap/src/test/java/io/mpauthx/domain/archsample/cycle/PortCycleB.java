package io.mpauthx.domain.archsample.cycle;

import io.mpauthx.domain.archsample.PortCycleA;

/** A deliberate violation for ArchitectureRulesBiteTest: the other half of a package cycle. Test sources only. */
public class PortCycleB {

    /** @return the first half of the cycle */
    public PortCycleA other() {
        return new PortCycleA();
    }
}
