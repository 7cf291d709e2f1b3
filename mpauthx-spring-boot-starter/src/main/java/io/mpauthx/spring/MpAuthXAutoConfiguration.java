package io.mpauthx.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * One {@link MpAuthX} bean from the {@code mpauthx.*} properties, recording into the application's
 * {@link MeterRegistry} when it has one, and closed with the application context. Backs off when the application
 * defines its own {@code MpAuthX} bean.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(MpAuthXProperties.class)
public class MpAuthXAutoConfiguration {

    /**
     * @param properties the {@code mpauthx.*} properties
     * @param dataSource the application's DataSource, used for users when
     *     {@code mpauthx.postgres.use-application-data-source} is true
     * @param meterRegistry the application's meter registry, when it has one
     * @return the facade, built and connected
     * @throws io.mpauthx.domain.MpAuthXException 6001 naming every invalid property, 6000 when a store cannot be
     *     opened: the application does not start
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public MpAuthX mpAuthX(MpAuthXProperties properties, ObjectProvider<DataSource> dataSource,
                           ObjectProvider<MeterRegistry> meterRegistry) {
        MpAuthXBuilder builder = PropertiesToBuilder.configure(properties, MpAuthX.builder(),
                Optional.ofNullable(dataSource.getIfUnique()));
        meterRegistry.ifUnique(builder::meterRegistry);
        return builder.build();
    }
}
