package io.mpauthx.server;

import io.mpauthx.domain.Json;
import io.mpauthx.domain.MpAuthXException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One answer of the service: status, body and the few headers a route adds. Errors all have one shape, the
 * original's {@code status_code}/{@code status_message}/{@code response} plus a machine-readable {@code error}.
 *
 * @param status the HTTP status
 * @param contentType the body's media type, or empty for no body
 * @param body the body's bytes
 * @param headers extra response headers
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json";

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, String json) {
        return new Reply(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply noContent(Map<String, String> headers) {
        return new Reply(204, "", new byte[0], headers);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }

    /**
     * @param status the HTTP status
     * @param statusCode the contract's status number
     * @param error a short machine-readable name
     * @param message what was wrong, free of secrets
     * @return the error reply
     */
    static Reply error(int status, int statusCode, String error, String message) {
        return json(status, errorJson(statusCode, error, message, ""));
    }

    /** @return the reply for a failure of the library or of the request, with the HTTP status that fits it */
    static Reply failure(MpAuthXException failure) {
        String error = failure instanceof BadRequest bad ? bad.error()
                : failure.statusCode().name().toLowerCase(Locale.ROOT);
        String weChat = failure.weChatErrorCode().isPresent()
                ? ",\"wechat_errcode\":" + failure.weChatErrorCode().getAsInt() : "";
        return json(failure.httpStatus(), errorJson(failure.statusCode().code(), error, failure.reason(), weChat));
    }

    private static String errorJson(int statusCode, String error, String message, String more) {
        return "{\"status_code\":" + statusCode + ",\"status_message\":\"" + Json.escape(message)
                + "\",\"response\":null,\"error\":\"" + error + "\"" + more + "}";
    }

    /** @return the value as a JSON string literal, or {@code null} */
    static String quoted(String value) {
        return value == null ? "null" : "\"" + Json.escape(value) + "\"";
    }
}
