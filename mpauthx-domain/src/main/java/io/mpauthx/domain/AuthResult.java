package io.mpauthx.domain;

import java.util.Objects;

/**
 * What a successful {@code authorize} or {@code refreshToken} returns, in the original's shape.
 *
 * @param statusCode the contract's status number, {@code 1} on success
 * @param statusMessage the status text, {@code "OK"} on success
 * @param response the access token handed to the phone; a secret, so it is left out of {@link #toString()}
 */
public record AuthResult(int statusCode, String statusMessage, String response) {

    /** Checks that no component is null. */
    public AuthResult {
        Objects.requireNonNull(statusMessage, "statusMessage");
        Objects.requireNonNull(response, "response");
    }

    /**
     * @param token the token issued
     * @return the success result carrying that token
     */
    public static AuthResult success(AccessToken token) {
        return new AuthResult(StatusCode.SUCCESS.code(), StatusCode.SUCCESS.message(), token.value());
    }

    /** @return the token, the same as {@link #response()} */
    public String token() {
        return response;
    }

    /** @return the original's wire shape: {@code {"status_code":1,"status_message":"OK","response":"<token>"}} */
    public String toJson() {
        return "{\"status_code\":" + statusCode
                + ",\"status_message\":\"" + Json.escape(statusMessage)
                + "\",\"response\":\"" + Json.escape(response) + "\"}";
    }

    @Override
    public String toString() {
        return "AuthResult[statusCode=" + statusCode + ", statusMessage=" + statusMessage + ", response=<redacted>]";
    }
}
