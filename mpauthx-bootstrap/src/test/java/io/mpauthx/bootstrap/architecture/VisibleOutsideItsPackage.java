package io.mpauthx.bootstrap.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;

/** A class other packages can name: public, and nested only in classes they can name too. */
final class VisibleOutsideItsPackage extends DescribedPredicate<JavaClass> {

    VisibleOutsideItsPackage() {
        super("are visible outside their package");
    }

    @Override
    public boolean test(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC)
                && type.getEnclosingClass().map(this::test).orElse(true);
    }
}
