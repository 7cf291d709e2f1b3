package io.mpauthx.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a successful {@code authorize} or {@code refreshToken} returns: the original's three fields (see
 * {@link #toJson()}) and, for the backend, whose token it is and when it ends.
 *
 * @param statusCode the contract's status number, {@code 1} on success
 * @param statusMessage the status text, {@code "OK"} on success
 * @param response the access token handed to the phone; a secret, so it is left out of {@link #toString()}
 * @param userId the user the token is for: the unionId when WeChat gave one, else the openId
 * @param expiresAt when the token stops being valid (the token store's clock)
 */
public record AuthResult(int statusCode, String statusMessage, String response, String userId, Instant expiresAt) {

    /** Checks that no component is null. */
    public AuthResult {
        Objects.requireNonNull(statusMessage, "statusMessage");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * @param token the token issued
     * @param stored the token as the store keeps it
     * @return the success result carrying that token
     */
    public static AuthResult success(AccessToken token, StoredToken stored) {
        return new AuthResult(StatusCode.SUCCESS.code(), StatusCode.SUCCESS.message(), token.value(),
                token.owner().userId().value(), stored.expiresAt());
    }

    /** @return the token, the same as {@link #response()} */
    public String token() {
        return response;
    }

    /**
     * @return the original's wire shape, {@code {"status_code":1,"status_message":"OK","response":"<token>"}}:
     *     clients of the original parse exactly these three fields
     */
    public String toJson() {
        return "{\"status_code\":" + statusCode
                + ",\"status_message\":\"" + Json.escape(statusMessage)
                + "\",\"response\":\"" + Json.escape(response) + "\"}";
    }

    @Override
    public String toString() {
        return "AuthResult[statusCode=" + statusCode + ", statusMessage=" + statusMessage
                + ", response=<redacted>, userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
