package io.mpauthx.adapter.wechat;

import com.google.gson.JsonObject;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The part every WeChat answer shares: HTTP 200, a body, a JSON object, and no {@code errcode} other than 0. WeChat
 * labels its JSON {@code text/plain}, so the body is parsed whatever the content type says.
 */
final class WeChatAnswer {

    private static final int LONGEST_ERRMSG = 120;
    private static final Map<Integer, String> KNOWN_ERRCODES = Map.ofEntries(
            Map.entry(-1, "WeChat is busy"),
            Map.entry(40001, "invalid access_token"),
            Map.entry(42001, "access_token expired"),
            Map.entry(40029, "invalid code"),
            Map.entry(40163, "code already used"),
            Map.entry(45011, "over WeChat's rate limit"),
            Map.entry(40226, "high-risk user blocked by WeChat"),
            Map.entry(40013, "invalid appid"),
            Map.entry(40125, "invalid app secret"));

    private WeChatAnswer() {
    }

    /**
     * @param api the API's name for messages
     * @param refusedWhat what a refusal refuses, as in "the code"
     * @param status the HTTP status
     * @param body the whole body
     * @param secrets texts the request carried that must not be echoed into a message
     * @return the answer, without errcode or with errcode 0
     * @throws MpAuthXException 6002, 6003, 6004, or 6008 with the errcode WeChat sent
     */
    static JsonObject read(String api, String refusedWhat, int status, byte[] body, String... secrets) {
        if (status != 200) {
            throw new MpAuthXException(StatusCode.HTTP_ERROR, "WeChat answered " + api + " with HTTP " + status);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new MpAuthXException(StatusCode.RESPONSE_IS_NULL, "WeChat answered " + api + " with an empty body");
        }
        JsonObject json = StrictJson.parseObject(text).orElseThrow(() -> new MpAuthXException(
                StatusCode.JSON_PARSED_ERROR, "WeChat's " + api + " answer is not a JSON object"));
        try {
            int errcode = StrictJson.integer(json, "errcode").orElse(0);
            if (errcode != 0) {
                String meaning = KNOWN_ERRCODES.getOrDefault(errcode, "unknown errcode");
                String errmsg = printable(StrictJson.string(json, "errmsg").orElse(""), secrets);
                throw MpAuthXException.fromWeChat(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, errcode,
                        "WeChat refused " + refusedWhat + " with errcode " + errcode + " (" + meaning + "): " + errmsg);
            }
        } catch (StrictJson.WrongTypeException wrongType) {
            throw notAsExpected(api, wrongType);
        }
        return json;
    }

    static MpAuthXException notAsExpected(String api, StrictJson.WrongTypeException wrongType) {
        return new MpAuthXException(StatusCode.JSON_PARSED_ERROR,
                "WeChat's " + api + " answer is not as expected: " + wrongType.getMessage());
    }

    /** WeChat's errmsg is useful (it carries the request id its support asks for) but is foreign text. */
    private static String printable(String errmsg, String... secrets) {
        String shown = errmsg;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                shown = shown.replace(secret, "<redacted>");
            }
        }
        shown = shown.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > LONGEST_ERRMSG ? shown.substring(0, LONGEST_ERRMSG) + "..." : shown;
    }
}
