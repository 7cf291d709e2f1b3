package io.mpauthx.adapter.wechat;

import com.google.gson.JsonObject;
import io.mpauthx.domain.Identifiers;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.WeChatSession;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what jscode2session answered into a session or the failure of the contract's status codes. WeChat labels its JSON
 * {@code text/plain}, so the body is parsed whatever the content type says.
 */
final class Jscode2SessionAnswer {

    private static final int LONGEST_ERRMSG = 120;
    private static final Map<Integer, String> KNOWN_ERRCODES = Map.of(
            -1, "WeChat is busy",
            40029, "invalid code",
            40163, "code already used",
            45011, "over 100 logins a minute for this user",
            40226, "high-risk user blocked by WeChat",
            40013, "invalid appid",
            40125, "invalid app secret");

    private Jscode2SessionAnswer() {
    }

    /**
     * @param status the HTTP status
     * @param body the whole body
     * @param secrets texts the request carried that must not be echoed into a message (the code, the secret)
     * @return the session
     * @throws MpAuthXException 6002, 6003, 6004, or 6008 (with the errcode when WeChat sent one)
     */
    static WeChatSession read(int status, byte[] body, String... secrets) {
        if (status != 200) {
            throw new MpAuthXException(StatusCode.HTTP_ERROR, "WeChat answered jscode2session with HTTP " + status);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new MpAuthXException(StatusCode.RESPONSE_IS_NULL, "WeChat answered jscode2session with an empty body");
        }
        JsonObject json = StrictJson.parseObject(text).orElseThrow(() -> new MpAuthXException(
                StatusCode.JSON_PARSED_ERROR, "WeChat's jscode2session answer is not a JSON object"));
        try {
            refuseErrcode(json, secrets);
            return session(json);
        } catch (StrictJson.WrongTypeException wrongType) {
            throw new MpAuthXException(StatusCode.JSON_PARSED_ERROR,
                    "WeChat's jscode2session answer is not as expected: " + wrongType.getMessage());
        }
    }

    private static void refuseErrcode(JsonObject json, String... secrets) {
        int errcode = StrictJson.integer(json, "errcode").orElse(0);
        if (errcode != 0) {
            String meaning = KNOWN_ERRCODES.getOrDefault(errcode, "unknown errcode");
            String errmsg = printable(StrictJson.string(json, "errmsg").orElse(""), secrets);
            throw MpAuthXException.fromWeChat(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, errcode,
                    "WeChat refused the code with errcode " + errcode + " (" + meaning + "): " + errmsg);
        }
    }

    private static WeChatSession session(JsonObject json) {
        String openId = required(json, "openid");
        String sessionKey = required(json, "session_key");
        Optional<String> unionId = StrictJson.string(json, "unionid").filter(id -> !id.isEmpty());
        if (!Identifiers.isValidUserId(openId)) {
            throw new MpAuthXException(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR,
                    "WeChat returned an openid outside [A-Za-z0-9_-]{1,128}");
        }
        if (unionId.isPresent() && !Identifiers.isValidUserId(unionId.get())) {
            throw new MpAuthXException(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR,
                    "WeChat returned a unionid outside [A-Za-z0-9_-]{1,128}");
        }
        return new WeChatSession(openId, sessionKey, unionId);
    }

    private static String required(JsonObject json, String name) {
        return StrictJson.string(json, name).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new MpAuthXException(StatusCode.JSON_PARSED_ERROR,
                        "WeChat's jscode2session answer has neither errcode nor " + name));
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
