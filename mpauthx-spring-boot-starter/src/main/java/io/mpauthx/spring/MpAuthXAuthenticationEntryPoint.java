package io.mpauthx.spring;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * Answers a request that could not be authenticated: 503 with {@code Retry-After} when the token could not be
 * checked (the token store is away, the user is not logged out), otherwise Spring Security's bearer token answer,
 * 401 with {@code WWW-Authenticate}. Give it to {@code oauth2ResourceServer(o -> o.authenticationEntryPoint(...))}.
 */
public final class MpAuthXAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final int SERVICE_UNAVAILABLE = 503;
    /** Seconds: the near cache and Lettuce reconnect within about this. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final AuthenticationEntryPoint bearerToken = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (failure instanceof TokenCheckFailedException unchecked) {
            if (unchecked.httpStatus() == SERVICE_UNAVAILABLE) {
                response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            }
            response.sendError(unchecked.httpStatus());
            return;
        }
        bearerToken.commence(request, response, failure);
    }
}
