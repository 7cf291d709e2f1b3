package io.mpauthx.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Runs the architecture rules over every production class of mpauthx on this module's classpath: the bootstrap
 * sees every library module (sibling modules arrive as jars in a reactor build, so jars are not excluded).
 */
@AnalyzeClasses(packages = "io.mpauthx", importOptions = {DoNotIncludeTests.class, DoNotIncludeTestJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchTests hexagon_rules = ArchTests.in(ArchitectureRules.class);
}
