package io.mpauthx.spring;

import io.mpauthx.bootstrap.MpAuthX;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code mpauthx} health contributor, when the application has Actuator's health. Backs off when the application
 * defines a bean named {@code mpauthxHealthIndicator}.
 */
@AutoConfiguration(after = MpAuthXAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(MpAuthX.class)
public class MpAuthXHealthAutoConfiguration {

    /**
     * @param mpAuthX the facade whose stores are probed
     * @return the indicator, shown as {@code mpauthx} under {@code /actuator/health}
     */
    @Bean
    @ConditionalOnMissingBean(name = "mpauthxHealthIndicator")
    public MpAuthXHealthIndicator mpauthxHealthIndicator(MpAuthX mpAuthX) {
        return new MpAuthXHealthIndicator(mpAuthX);
    }
}
