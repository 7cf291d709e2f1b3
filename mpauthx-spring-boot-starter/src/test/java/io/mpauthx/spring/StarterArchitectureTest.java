package io.mpauthx.spring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Run where every module of mpauthx is on the class path together with Spring: no class of mpauthx outside this
 * starter may name Spring. {@link StarterArchitectureBiteTest} shows the rule fails on a violation.
 */
@AnalyzeClasses(packages = "io.mpauthx", importOptions = ImportOption.DoNotIncludeTests.class)
class StarterArchitectureTest {

    @ArchTest
    static final ArchRule only_the_spring_boot_starter_uses_spring = noClasses()
            .that().resideOutsideOfPackage("io.mpauthx.spring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
            .because("the core stays framework-free; Spring lives in mpauthx-spring-boot-starter alone");
}
