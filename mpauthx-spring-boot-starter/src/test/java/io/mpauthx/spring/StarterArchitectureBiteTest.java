package io.mpauthx.spring;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.mpauthx.bootstrap.springsample.BootstrapClassUsingSpring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring rule shown to fail on a deliberate violation kept in the test sources. */
class StarterArchitectureBiteTest {

    @Test
    void theRuleFailsOnACoreClassThatNamesSpring() {
        EvaluationResult result = StarterArchitectureTest.only_the_spring_boot_starter_uses_spring.evaluate(
                new ClassFileImporter().importPackages("io.mpauthx.bootstrap.springsample"));

        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains(BootstrapClassUsingSpring.class.getName()).contains("org.springframework"));
    }
}
