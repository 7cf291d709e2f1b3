package io.mpauthx.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The user data of {@code wx.getUserInfo} after decryption and the watermark check.
 *
 * @param openId the openId inside the plaintext; must equal jscode2session's openid
 * @param unionId the unionId inside the plaintext, when present; must equal jscode2session's unionid when both exist
 * @param profile the profile fields
 */
public record DecryptedUserInfo(String openId, Optional<String> unionId, UserProfile profile) {

    /** Checks that no component is null. */
    public DecryptedUserInfo {
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(profile, "profile");
    }

    @Override
    public String toString() {
        return "DecryptedUserInfo[<redacted>]";
    }
}
