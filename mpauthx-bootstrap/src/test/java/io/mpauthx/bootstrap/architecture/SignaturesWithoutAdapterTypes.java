package io.mpauthx.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;

/** A method whose return type and parameter types (with their type arguments) are no adapter types. */
final class SignaturesWithoutAdapterTypes extends ArchCondition<JavaCodeUnit> {

    private static final String ADAPTERS = "io.mpauthx.adapter.";

    SignaturesWithoutAdapterTypes() {
        super("name no adapter type in their signature");
    }

    @Override
    public void check(JavaCodeUnit method, ConditionEvents events) {
        List<JavaClass> named = new ArrayList<>(method.getReturnType().getAllInvolvedRawTypes());
        method.getParameterTypes().forEach(type -> named.addAll(type.getAllInvolvedRawTypes()));
        for (JavaClass type : named) {
            if (type.getPackageName().startsWith(ADAPTERS)) {
                events.add(SimpleConditionEvent.violated(method,
                        method.getFullName() + " names the adapter type " + type.getName()));
            }
        }
    }
}
