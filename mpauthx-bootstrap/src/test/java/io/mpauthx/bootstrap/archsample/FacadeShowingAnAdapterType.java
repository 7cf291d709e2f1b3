package io.mpauthx.bootstrap.archsample;

import io.mpauthx.adapter.archsample.PublicHelperOfAnAdapter;

/** A deliberate violation for ArchitectureRulesBiteTest: public bootstrap API naming an adapter type. Test sources only. */
public class FacadeShowingAnAdapterType {

    /**
     * @param helper the violation: an adapter type in a public signature
     * @return this
     */
    public FacadeShowingAnAdapterType with(PublicHelperOfAnAdapter helper) {
        return this;
    }
}
