package io.mpauthx.spring;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.MpAuthXException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration on contexts without a web server: what it defines from properties, how it backs off when
 * the application defines the same bean, and that a refused configuration stops the start with the builder's
 * message. In-memory token store through the application's own bean where Redis is not the point.
 */
class MpAuthXAutoConfigurationTest {

    @TempDir
    Path folder;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(MpAuthXAutoConfiguration.class, MpAuthXSecurityAutoConfiguration.class,
                    MpAuthXHealthAutoConfiguration.class));

    private MpAuthX ownMpAuthX() {
        return MpAuthX.builder().appId("wx-own").appSecret("own-secret").sku("own")
                .inMemoryTokenStore().sqlite(folder.resolve("own.db")).build();
    }

    @Test
    void theApplicationsOwnMpAuthXIsUsedAndClosedByItsContext() {
        AtomicReference<MpAuthX> own = new AtomicReference<>();
        runner.withBean(MpAuthX.class, () -> {
            own.set(ownMpAuthX());
            return own.get();
        }).run(context -> {
            assertThat(context).hasSingleBean(MpAuthX.class);
            assertThat(context.getBean(MpAuthX.class)).isSameAs(own.get());
            assertThat(context).hasSingleBean(MpAuthXTokenIntrospector.class).hasSingleBean(MpAuthXHealthIndicator.class);
        });
        assertThat(own.get().toString()).contains("closed");
    }

    @Test
    void theApplicationsOwnIntrospectorAndHealthIndicatorWin() {
        OpaqueTokenIntrospector theirs = token -> {
            throw new IllegalStateException("not called");
        };
        HealthIndicator theirHealth = () -> Health.up().build();
        runner.withBean(MpAuthX.class, this::ownMpAuthX)
                .withBean(OpaqueTokenIntrospector.class, () -> theirs)
                .withBean("mpauthxHealthIndicator", HealthIndicator.class, () -> theirHealth)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(MpAuthXTokenIntrospector.class);
                    assertThat(context.getBean(OpaqueTokenIntrospector.class)).isSameAs(theirs);
                    assertThat(context).doesNotHaveBean(MpAuthXHealthIndicator.class);
                    assertThat(context).hasSingleBean(MpAuthXAuthenticationEntryPoint.class);
                });
    }

    @Test
    void aRefusedConfigurationStopsTheStartWithTheBuildersMessage() {
        runner.withPropertyValues("mpauthx.app-id=wx-app", "mpauthx.app-secret=secret", "mpauthx.sku=no.dots",
                "mpauthx.sqlite.path=" + folder.resolve("users.db")).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MpAuthXException.class)
                            .hasMessageContaining("sku must match").hasMessageContaining("no token store chosen");
                });
    }
}
