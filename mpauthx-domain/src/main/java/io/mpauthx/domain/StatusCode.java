package io.mpauthx.domain;

/**
 * The status codes of the original mpauthx {@code constants}. The numbers are part of the contract:
 * clients of the original switch on them. Each also suggests the HTTP status a backend answers its client with
 * ({@link #httpStatus()}):
 *
 * <table>
 * <caption>code, name, suggested HTTP status</caption>
 * <tr><th>code</th><th>name</th><th>HTTP</th></tr>
 * <tr><td>1</td><td>SUCCESS</td><td>200</td></tr>
 * <tr><td>6000</td><td>DATABASE_RELATED_ERROR</td><td>503: a store is down; retry, don't log the user out</td></tr>
 * <tr><td>6001</td><td>REQUIRED_PARAMS_MISSING_ERROR</td><td>400</td></tr>
 * <tr><td>6002–6005</td><td>HTTP_ERROR, RESPONSE_IS_NULL, JSON_PARSED_ERROR, HTTP_RESPONSE_ERROR_EVENT</td>
 *     <td>502: WeChat answered badly</td></tr>
 * <tr><td>6006</td><td>HTTP_REQUEST_ERROR_EVENT</td><td>504: WeChat did not answer in time</td></tr>
 * <tr><td>6007</td><td>INVALID_ACCESS_TOKEN</td><td>401</td></tr>
 * <tr><td>6008</td><td>SESSION_KEY_AND_OPENID_REQUEST_ERROR</td><td>401: WeChat refused the code; see
 *     {@link MpAuthXException#httpStatus()} for rate limits (429), blocked users (403) and a busy WeChat
 *     (503)</td></tr>
 * <tr><td>6009</td><td>OPENID_OR_UNIONID_NOT_MATCH</td><td>400</td></tr>
 * <tr><td>6010</td><td>USER_NOT_EXIST_IN_DB</td><td>404</td></tr>
 * <tr><td>6011</td><td>USER_INFO_DECRYPTION_ERROR</td><td>400</td></tr>
 * <tr><td>9999</td><td>UNKNOWN_ERROR</td><td>500</td></tr>
 * </table>
 */
public enum StatusCode {
    /** The call succeeded. */
    SUCCESS(1, "OK", 200),
    /** The user database or the token store failed (Redis down, SQLite error). */
    DATABASE_RELATED_ERROR(6000, "Database related error", 503),
    /** A required argument is null or blank. */
    REQUIRED_PARAMS_MISSING_ERROR(6001, "Required parameters missing", 400),
    /** WeChat answered with a non-200 HTTP status. */
    HTTP_ERROR(6002, "HTTP error", 502),
    /** WeChat answered with an empty body. */
    RESPONSE_IS_NULL(6003, "Response is null", 502),
    /** WeChat's body is not the JSON expected. */
    JSON_PARSED_ERROR(6004, "JSON parse error", 502),
    /** The response broke while being read. */
    HTTP_RESPONSE_ERROR_EVENT(6005, "HTTP response error", 502),
    /**
     * Connect failure or timeout. The original also names this code {@code INTERNET_CONNECTION_ERROR};
     * see {@link #INTERNET_CONNECTION_ERROR}.
     */
    HTTP_REQUEST_ERROR_EVENT(6006, "HTTP request error", 504),
    /** A token argument is malformed where a token is required. */
    INVALID_ACCESS_TOKEN(6007, "Invalid access token", 401),
    /** WeChat answered jscode2session with an {@code errcode}, or with an id we refuse. */
    SESSION_KEY_AND_OPENID_REQUEST_ERROR(6008, "Session key and openid request error", 401),
    /** The openid (or both unionids) from jscode2session and inside the decrypted user data differ. */
    OPENID_OR_UNIONID_NOT_MATCH(6009, "OpenId or unionId does not match", 400),
    /** refreshToken was asked for a user that was never registered. */
    USER_NOT_EXIST_IN_DB(6010, "User does not exist in database", 404),
    /** The encrypted user data could not be decrypted or checked. */
    USER_INFO_DECRYPTION_ERROR(6011, "User info decryption error", 400),
    /** Anything else; should never be seen. */
    UNKNOWN_ERROR(9999, "Unknown error", 500);

    /** The original's second name for 6006; the same constant as {@link #HTTP_REQUEST_ERROR_EVENT}. */
    public static final StatusCode INTERNET_CONNECTION_ERROR = HTTP_REQUEST_ERROR_EVENT;

    private final int code;
    private final String message;
    private final int httpStatus;

    StatusCode(int code, String message, int httpStatus) {
        this.code = code;
        this.message = message;
        this.httpStatus = httpStatus;
    }

    /** @return the HTTP status a backend suggests to its client for this outcome (see the table above) */
    public int httpStatus() {
        return httpStatus;
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
