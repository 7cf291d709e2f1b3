package io.mpauthx.spring;

import io.mpauthx.bootstrap.MpAuthX;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Spring Security for mpauthx's tokens: an {@link OpaqueTokenIntrospector}, which Spring Security's resource server
 * picks up by itself ({@code http.oauth2ResourceServer(o -> o.opaqueToken(withDefaults()))}), and the entry point
 * that answers 503 instead of 401 when the token store failed. Each backs off when the application has its own.
 */
@AutoConfiguration(after = MpAuthXAutoConfiguration.class)
@ConditionalOnClass({OpaqueTokenIntrospector.class, AuthenticationEntryPoint.class})
@ConditionalOnBean(MpAuthX.class)
public class MpAuthXSecurityAutoConfiguration {

    /**
     * @param mpAuthX the facade whose tokens are checked
     * @return the introspector
     */
    @Bean
    @ConditionalOnMissingBean(OpaqueTokenIntrospector.class)
    public MpAuthXTokenIntrospector mpAuthXTokenIntrospector(MpAuthX mpAuthX) {
        return new MpAuthXTokenIntrospector(mpAuthX);
    }

    /** @return the entry point: 503 for a store failure, else Spring Security's bearer token 401 */
    @Bean
    @ConditionalOnMissingBean
    public MpAuthXAuthenticationEntryPoint mpAuthXAuthenticationEntryPoint() {
        return new MpAuthXAuthenticationEntryPoint();
    }
}
