package io.mpauthx.server;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

/** A request the service refuses before calling the library: answered 400 with its error name and reason. */
final class BadRequest extends MpAuthXException {

    private static final long serialVersionUID = 1L;

    private final String error;

    /**
     * @param error a short machine-readable name, such as {@code malformed_json}
     * @param reason what was wrong, free of secrets
     */
    BadRequest(String error, String reason) {
        super(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, reason);
        this.error = error;
    }

    String error() {
        return error;
    }
}
