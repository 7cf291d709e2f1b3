package io.mpauthx.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import io.mpauthx.adapter.archsample.PublicHelperOfAnAdapter;
import io.mpauthx.bootstrap.archsample.FacadeCountingWithMicrometer;
import io.mpauthx.bootstrap.archsample.FacadeShowingAnAdapterType;
import io.mpauthx.domain.archsample.DomainClassThatUsesGuice;
import io.mpauthx.domain.archsample.PortCycleA;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule shown to fail on a deliberate violation kept in the test sources (never in production code). */
class ArchitectureRulesBiteTest {

    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages(
            "io.mpauthx.domain.archsample", "io.mpauthx.adapter.archsample", "io.mpauthx.bootstrap.archsample");

    @Test
    void domainRuleFailsOnADomainClassThatImportsGuice() {
        EvaluationResult result = ArchitectureRules.domain_depends_only_on_the_jdk.evaluate(VIOLATIONS);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line)
                        .contains(DomainClassThatUsesGuice.class.getName()).contains("com.google.inject"));
    }

    @Test
    void guiceRuleFailsOutsideTheBootstrap() {
        EvaluationResult result = ArchitectureRules.only_the_bootstrap_uses_guice.evaluate(VIOLATIONS);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(DomainClassThatUsesGuice.class.getSimpleName()));
    }

    @Test
    void cycleRuleFailsOnTwoPackagesThatUseEachOther() {
        EvaluationResult result = ArchitectureRules.no_package_cycles.evaluate(VIOLATIONS);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(PortCycleA.class.getSimpleName());
    }

    @Test
    void adapterRuleFailsOnAPublicClassThatIsNoFactory() {
        EvaluationResult result = ArchitectureRules.adapters_show_only_their_factories_and_settings.evaluate(VIOLATIONS);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(PublicHelperOfAnAdapter.class.getName()));
    }

    @Test
    void bootstrapRuleFailsOnPublicApiNamingAnAdapterType() {
        EvaluationResult result = ArchitectureRules.the_bootstraps_public_api_names_no_adapter_type
                .evaluate(VIOLATIONS);

        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains(FacadeShowingAnAdapterType.class.getName() + ".with")
                .contains(PublicHelperOfAnAdapter.class.getName()));
    }

    @Test
    void micrometerRuleFailsOutsideTheMeterBinding() {
        EvaluationResult result = ArchitectureRules.micrometer_only_behind_the_optional_meter_binding
                .evaluate(VIOLATIONS);

        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains(FacadeCountingWithMicrometer.class.getName()).contains("io.micrometer"));
    }

    @Test
    void productionClassesHaveNoViolationOfTheSameRules() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(new DoNotIncludeTestJars())
                .importPackages("io.mpauthx");

        assertThat(production).isNotEmpty();
        assertThat(ArchitectureRules.domain_depends_only_on_the_jdk.evaluate(production).hasViolation()).isFalse();
        assertThat(ArchitectureRules.only_the_bootstrap_uses_guice.evaluate(production).hasViolation()).isFalse();
        assertThat(ArchitectureRules.no_package_cycles.evaluate(production).hasViolation()).isFalse();
        assertThat(ArchitectureRules.adapters_show_only_their_factories_and_settings.evaluate(production)
                .hasViolation()).isFalse();
        assertThat(ArchitectureRules.the_bootstraps_public_api_names_no_adapter_type.evaluate(production)
                .hasViolation()).isFalse();
        assertThat(ArchitectureRules.micrometer_only_behind_the_optional_meter_binding.evaluate(production)
                .hasViolation()).isFalse();
    }
}
