package io.mpauthx.adapter.archsample;

/** A deliberate violation for ArchitectureRulesBiteTest: a public adapter class that is no factory. Test sources only. */
public class PublicHelperOfAnAdapter {
}
