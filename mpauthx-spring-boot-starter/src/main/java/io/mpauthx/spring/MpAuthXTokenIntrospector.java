package io.mpauthx.spring;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.MpAuthXException;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

import java.util.Objects;

/**
 * Checks a bearer token with {@link MpAuthX#isTokenValid}: a valid token becomes an {@link MpAuthXPrincipal}
 * (user id and sku), an invalid one a {@link BadOpaqueTokenException} (401), a failed check a
 * {@link TokenCheckFailedException} that {@link MpAuthXAuthenticationEntryPoint} answers with 503. No message
 * carries the token.
 */
public final class MpAuthXTokenIntrospector implements OpaqueTokenIntrospector {

    private final MpAuthX mpAuthX;

    /** @param mpAuthX the facade whose tokens are checked */
    public MpAuthXTokenIntrospector(MpAuthX mpAuthX) {
        this.mpAuthX = Objects.requireNonNull(mpAuthX, "mpAuthX");
    }

    /**
     * @param token the bearer token of the request
     * @return the principal of a valid token
     * @throws BadOpaqueTokenException when the token is not valid (malformed, expired, revoked, another sku's)
     * @throws TokenCheckFailedException when the check itself failed, 6000 when the token store is away
     */
    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        boolean valid;
        try {
            valid = mpAuthX.isTokenValid(token);
        } catch (MpAuthXException failure) {
            throw new TokenCheckFailedException(failure);
        }
        if (!valid) {
            throw new BadOpaqueTokenException("the access token is not valid");
        }
        return new MpAuthXPrincipal(mpAuthX.extractUserId(token).orElseThrow(),
                mpAuthX.extractSku(token).orElseThrow(), mpAuthX.tokenId(token).orElseThrow());
    }
}
