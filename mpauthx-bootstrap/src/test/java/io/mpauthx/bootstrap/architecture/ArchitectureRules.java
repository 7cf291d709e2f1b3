package io.mpauthx.bootstrap.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The hexagon's arrows as ArchUnit rules; {@link ArchitectureTest} runs them, {@link ArchitectureRulesBiteTest} shows they fail. */
final class ArchitectureRules {

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that().resideInAPackage("io.mpauthx.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.mpauthx.domain..")
            .because("the domain is the centre of the hexagon and must run with nothing but the JDK");

    @ArchTest
    static final ArchRule adapters_do_not_know_each_other = slices()
            .matching("io.mpauthx.adapter.(*)..")
            .should().notDependOnEachOther()
            .because("each adapter implements ports of the domain and nothing else");

    @ArchTest
    static final ArchRule adapters_do_not_know_the_bootstrap = noClasses()
            .that().resideInAPackage("io.mpauthx.adapter..")
            .should().dependOnClassesThat().resideInAPackage("io.mpauthx.bootstrap..")
            .because("the bootstrap wires adapters, never the other way round");

    @ArchTest
    static final ArchRule only_the_bootstrap_uses_guice = noClasses()
            .that().resideOutsideOfPackage("io.mpauthx.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
            .because("dependency injection is a wiring concern; domain and adapters stay framework-free");

    @ArchTest
    static final ArchRule only_the_redis_adapter_uses_lettuce = noClasses()
            .that().resideOutsideOfPackage("io.mpauthx.adapter.redis..")
            .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "io.netty..", "reactor..")
            .because("Redis client types stay behind the TokenStore port");

    @ArchTest
    static final ArchRule only_the_sqlite_adapter_uses_sqlite = noClasses()
            .that().resideOutsideOfPackage("io.mpauthx.adapter.sqlite..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..")
            .because("SQLite stays behind the UserRepository port");

    @ArchTest
    static final ArchRule only_the_postgres_adapter_uses_the_driver_and_the_pool = noClasses()
            .that().resideOutsideOfPackage("io.mpauthx.adapter.postgres..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "com.zaxxer.hikari..")
            .because("PostgreSQL's driver and the connection pool stay behind the UserRepository port");

    @ArchTest
    static final ArchRule only_the_database_adapters_use_flyway = noClasses()
            .that().resideOutsideOfPackage("io.mpauthx.adapter.sqlite..")
            .and().resideOutsideOfPackage("io.mpauthx.adapter.postgres..")
            .should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..")
            .because("schema migrations belong to the adapter whose schema they migrate");

    @ArchTest
    static final ArchRule only_the_wechat_adapter_uses_http_and_json = noClasses()
            .that().resideOutsideOfPackage("io.mpauthx.adapter.wechat..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.gson..", "java.net.http..")
            .because("WeChat's HTTP API and its JSON stay behind the WeChatGateway port");

    @ArchTest
    static final ArchRule micrometer_only_behind_the_optional_meter_binding = noClasses()
            .that().doNotHaveFullyQualifiedName("io.mpauthx.bootstrap.MicrometerMetrics")
            .and().doNotHaveFullyQualifiedName("io.mpauthx.bootstrap.MpAuthXBuilder")
            .and().resideOutsideOfPackage("io.mpauthx.spring..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
            .because("Micrometer is optional: the library must load and run without it, so only the builder's "
                    + "meterRegistry(...) and the class it hands the registry to may name it");

    @ArchTest
    static final ArchRule adapters_show_only_their_factories_and_settings = classes()
            .that().resideInAPackage("io.mpauthx.adapter..")
            .and().arePublic().and().areTopLevelClasses()
            .should().haveSimpleNameEndingWith("Adapters").orShould().haveSimpleNameEndingWith("Settings")
            .because("an adapter module is used through one factory returning the port type; everything behind it "
                    + "stays package-private, so it can change without breaking anyone");

    @ArchTest
    static final ArchRule the_bootstraps_public_api_names_no_adapter_type = codeUnits()
            .that().arePublic().and().areDeclaredInClassesThat(new VisibleOutsideItsPackage())
            .and().areDeclaredInClassesThat().resideInAPackage("io.mpauthx.bootstrap..")
            .should(new SignaturesWithoutAdapterTypes())
            .because("users choose adapters through the builder's own words; adapter types may change freely");

    @ArchTest
    static final ArchRule outgoing_ports_are_interfaces = classes()
            .that().resideInAPackage("io.mpauthx.domain.port.out..")
            .and().areTopLevelClasses()
            .should().beInterfaces()
            .because("outgoing ports are contracts adapters implement");

    @ArchTest
    static final ArchRule no_package_cycles = slices()
            .matching("io.mpauthx.(**)")
            .should().beFreeOfCycles()
            .because("cycles make the hexagon's layers meaningless");

    @ArchTest
    static final ArchRule no_standard_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("library code logs through SLF4J");

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("failures are MpAuthXException with a status code");

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("library code logs through SLF4J");

    @ArchTest
    static final ArchRule no_field_injection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .because("dependencies arrive through constructors and @Provides methods");

    private ArchitectureRules() {
    }
}
