package io.mpauthx.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What jscode2session answers for a valid code. {@link #toString()} hides the session key.
 *
 * @param openId the user's openid for this app, {@code [A-Za-z0-9_-]{1,128}}
 * @param sessionKey base64 of the 16-byte AES key of this login; a secret
 * @param unionId the user's unionid across the company's apps, when the app is set up for it
 */
public record WeChatSession(String openId, String sessionKey, Optional<String> unionId) {

    /** Checks that no component is null. */
    public WeChatSession {
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(unionId, "unionId");
    }

    @Override
    public String toString() {
        return "WeChatSession[openId=" + openId + ", sessionKey=<redacted>, unionId=" + unionId + "]";
    }
}
