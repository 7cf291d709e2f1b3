package io.mpauthx.testkit.wechat;

import java.util.List;
import java.util.Objects;

/**
 * What one {@code wx.login()} + {@code wx.getUserInfo()} on a phone yields, made by {@link WeChatSandbox#newLogin}.
 * {@link #toString()} shows none of it: the code and the session key are secrets even in tests, so that a test
 * proving "no secret in the logs" can print logins freely.
 *
 * @param code the one-time code for jscode2session
 * @param encryptedData base64 AES-128-CBC ciphertext of the user data (old login flow)
 * @param iv base64 of the 16-byte iv of that ciphertext
 * @param sessionKey base64 of the 16-byte session key jscode2session will answer for the code
 */
public record SandboxLogin(String code, String encryptedData, String iv, String sessionKey) {

    /**
     * Checks that no component is null.
     *
     * @param code the one-time code for jscode2session
     * @param encryptedData base64 AES-128-CBC ciphertext of the user data (old login flow)
     * @param iv base64 of the 16-byte iv of that ciphertext
     * @param sessionKey base64 of the 16-byte session key jscode2session will answer for the code
     */
    public SandboxLogin {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(encryptedData, "encryptedData");
        Objects.requireNonNull(iv, "iv");
        Objects.requireNonNull(sessionKey, "sessionKey");
    }

    /** @return every part of this login that must never appear in a log line or message, for log-capture tests */
    public List<String> secrets() {
        return List.of(code, encryptedData, iv, sessionKey);
    }

    @Override
    public String toString() {
        return "SandboxLogin[<redacted>]";
    }
}
