package io.mpauthx.domain.port.in;

import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;

/** Logging a phone in: code (and profile) in, access token out. */
public interface AuthorizeUseCase {

    /**
     * Exchanges the code with WeChat, registers or updates the user and issues a new token for this device.
     *
     * @param command the login as the phone sent it
     * @return the success result carrying the new token
     * @throws MpAuthXException with a status code of {@link io.mpauthx.domain.StatusCode} for every failure
     */
    AuthResult authorize(LoginCommand command);
}
