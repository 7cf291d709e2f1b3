package io.mpauthx.domain.archsample;

import com.google.inject.Inject;

/** A deliberate violation for ArchitectureRulesBiteTest: a "domain" class importing Guice. Test sources only. */
public class DomainClassThatUsesGuice {

    @Inject
    public DomainClassThatUsesGuice() {
        // the annotation is the violation
    }
}
