package io.mpauthx.server;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The server's place in the hexagon. Runs here because this is the one module that sees the server with every
 * module it depends on; the bootstrap's rules cover the rest.
 */
@AnalyzeClasses(packages = "io.mpauthx", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule only_the_server_uses_the_http_server_library = noClasses()
            .that().resideOutsideOfPackage("io.mpauthx.server..")
            .and().resideOutsideOfPackage("io.mpauthx.adapter.redis..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty.handler.codec.http..", "io.netty.bootstrap..")
            .because("the HTTP server is a framework of its own module; Lettuce's Netty stays in the Redis adapter");

    @ArchTest
    static final ArchRule the_server_uses_netty_only_for_http = noClasses()
            .that().resideInAPackage("io.mpauthx.server..")
            .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "reactor..")
            .because("the server talks to Redis through the facade, never through the Redis client");

    @ArchTest
    static final ArchRule the_server_drives_the_facade_not_the_adapters = noClasses()
            .that().resideInAPackage("io.mpauthx.server..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mpauthx.adapter..", "com.google.inject..",
                    "io.mpauthx.domain.service..", "io.mpauthx.domain.port.out..")
            .because("a driving adapter calls the MpAuthX facade and its builder; what runs behind them is theirs");

    @ArchTest
    static final ArchRule nothing_else_depends_on_the_server = noClasses()
            .that().resideOutsideOfPackage("io.mpauthx.server..")
            .should().dependOnClassesThat().resideInAPackage("io.mpauthx.server..")
            .because("the library works without the service; only the command line starts it");

    @ArchTest
    static final ArchRule only_the_server_uses_micrometer_here = noClasses()
            .that().resideInAPackage("io.mpauthx.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
            .because("the domain stays on the JDK alone");

    @ArchTest
    static final ArchRule no_standard_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("the service logs through SLF4J");

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("failures are MpAuthXException with a status code");
}
