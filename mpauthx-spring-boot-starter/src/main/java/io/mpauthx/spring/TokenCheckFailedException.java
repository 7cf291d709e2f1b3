package io.mpauthx.spring;

import io.mpauthx.domain.MpAuthXException;
import org.springframework.security.core.AuthenticationException;

/**
 * The token could not be checked (the token store is away: 6000): not the caller's fault, so not a 401.
 * {@link MpAuthXAuthenticationEntryPoint} answers it with the status code's HTTP status, 503 for 6000.
 */
public final class TokenCheckFailedException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    /** The failure's HTTP status: the one {@link MpAuthXException#httpStatus()} suggests. */
    private final int httpStatus;

    /** @param failure what the check threw */
    public TokenCheckFailedException(MpAuthXException failure) {
        super("the access token could not be checked: " + failure.getMessage(), failure);
        this.httpStatus = failure.httpStatus();
    }

    /** @return the HTTP status to answer, 503 when the token store is away */
    public int httpStatus() {
        return httpStatus;
    }
}
