package io.mpauthx.adapter.wechat;

import com.google.gson.JsonObject;
import io.mpauthx.domain.Identifiers;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.WeChatSession;

import java.util.Optional;

/**
 * Turns what jscode2session answered into a session or the failure of the contract's status codes. WeChat labels its JSON
 * {@code text/plain}, so the body is parsed whatever the content type says.
 */
final class Jscode2SessionAnswer {

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
        JsonObject json = WeChatAnswer.read("jscode2session", "the code", status, body, secrets);
        try {
            return session(json);
        } catch (StrictJson.WrongTypeException wrongType) {
            throw WeChatAnswer.notAsExpected("jscode2session", wrongType);
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
}
