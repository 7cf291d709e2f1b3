package io.mpauthx.examples.springboot;

import io.mpauthx.spring.MpAuthXAuthenticationEntryPoint;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A Mini Program's backend as the starter's users write it: mpauthx comes from {@code application.properties} alone;
 * the one piece of code besides the endpoints is the security chain, protecting every endpoint but the login and
 * Actuator's with mpauthx's tokens.
 */
@SpringBootApplication
public class ExampleApplication {

    /**
     * Starts the backend; {@code WECHAT_APP_ID}, {@code WECHAT_APP_SECRET} and, unless the defaults fit,
     * {@code REDIS_URI} and {@code USERS_DB} come from the environment (see {@code application.properties}).
     *
     * @param args Spring Boot's command line, where any property can be overridden ({@code --mpauthx.sku=shop})
     */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    /**
     * @param http Spring Security's builder
     * @param entryPoint the starter's: 503 when the token store is away, else 401
     * @return the chain
     * @throws Exception what Spring Security's builder throws
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http, MpAuthXAuthenticationEntryPoint entryPoint) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/actuator/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .opaqueToken(Customizer.withDefaults())
                        .authenticationEntryPoint(entryPoint))
                .build();
    }
}
