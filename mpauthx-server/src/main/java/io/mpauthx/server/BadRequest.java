package io.mpauthx.server;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

/** A request the service refuses before calling the library: answered 400 (or the status given) with its error name. */
final class BadRequest extends MpAuthXException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int httpStatus;

    /**
     * @param error a short machine-readable name, such as {@code malformed_json}
     * @param reason what was wrong, free of secrets
     */
    BadRequest(String error, String reason) {
        this(400, error, reason);
    }

    /**
     * @param httpStatus the HTTP status of the answer, e.g. 415
     * @param error a short machine-readable name, such as {@code malformed_json}
     * @param reason what was wrong, free of secrets
     */
    BadRequest(int httpStatus, String error, String reason) {
        super(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, reason);
        this.error = error;
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    String error() {
        return error;
    }
}
