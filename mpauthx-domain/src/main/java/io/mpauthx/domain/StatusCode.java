package io.mpauthx.domain;

/**
 * The status codes of the original mpauthx {@code constants}. The numbers are part of the contract:
 * clients of the original switch on them.
 */
public enum StatusCode {
    /** The call succeeded. */
    SUCCESS(1, "OK"),
    /** The user database or the token store failed (Redis down, SQLite error). */
    DATABASE_RELATED_ERROR(6000, "Database related error"),
    /** A required argument is null or blank. */
    REQUIRED_PARAMS_MISSING_ERROR(6001, "Required parameters missing"),
    /** WeChat answered with a non-200 HTTP status. */
    HTTP_ERROR(6002, "HTTP error"),
    /** WeChat answered with an empty body. */
    RESPONSE_IS_NULL(6003, "Response is null"),
    /** WeChat's body is not the JSON expected. */
    JSON_PARSED_ERROR(6004, "JSON parse error"),
    /** The response broke while being read. */
    HTTP_RESPONSE_ERROR_EVENT(6005, "HTTP response error"),
    /**
     * Connect failure or timeout. The original also names this code {@code INTERNET_CONNECTION_ERROR};
     * see {@link #INTERNET_CONNECTION_ERROR}.
     */
    HTTP_REQUEST_ERROR_EVENT(6006, "HTTP request error"),
    /** A token argument is malformed where a token is required. */
    INVALID_ACCESS_TOKEN(6007, "Invalid access token"),
    /** WeChat answered jscode2session with an {@code errcode}, or with an id we refuse. */
    SESSION_KEY_AND_OPENID_REQUEST_ERROR(6008, "Session key and openid request error"),
    /** The openid (or both unionids) from jscode2session and inside the decrypted user data differ. */
    OPENID_OR_UNIONID_NOT_MATCH(6009, "OpenId or unionId does not match"),
    /** refreshToken was asked for a user that was never registered. */
    USER_NOT_EXIST_IN_DB(6010, "User does not exist in database"),
    /** The encrypted user data could not be decrypted or checked. */
    USER_INFO_DECRYPTION_ERROR(6011, "User info decryption error"),
    /** Anything else; should never be seen. */
    UNKNOWN_ERROR(9999, "Unknown error");

    /** The original's second name for 6006; the same constant as {@link #HTTP_REQUEST_ERROR_EVENT}. */
    public static final StatusCode INTERNET_CONNECTION_ERROR = HTTP_REQUEST_ERROR_EVENT;

    private final int code;
    private final String message;

    StatusCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** @return the number clients of the original switch on */
    public int code() {
        return code;
    }

    /** @return the short human-readable text of this code, as put into {@code status_message} */
    public String message() {
        return message;
    }

    /**
     * Finds the constant with the given number.
     *
     * @param code a status number such as 6000
     * @return the constant, or {@link #UNKNOWN_ERROR} for a number the contract does not know
     */
    public static StatusCode ofCode(int code) {
        for (StatusCode candidate : values()) {
            if (candidate.code == code) {
                return candidate;
            }
        }
        return UNKNOWN_ERROR;
    }
}
