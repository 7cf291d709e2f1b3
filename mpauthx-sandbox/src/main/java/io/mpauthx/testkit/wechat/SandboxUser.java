package io.mpauthx.testkit.wechat;

import io.mpauthx.domain.UserProfile;

import java.util.Objects;
import java.util.Optional;

/**
 * A WeChat user known to the {@link WeChatSandbox}: what jscode2session and the encrypted user data say about them.
 *
 * @param openId the openid for the sandbox's app
 * @param unionId the unionid, when the app belongs to an open-platform account
 * @param profile the profile put into the encrypted user data
 */
public record SandboxUser(String openId, Optional<String> unionId, UserProfile profile) {

    /** A profile as a phone of 2021 would have sent it. */
    public static final UserProfile DEFAULT_PROFILE = new UserProfile("Sandbox User", 1, "zh_CN", "Shenzhen",
            "Guangdong", "China", "https://thirdwx.qlogo.cn/mmopen/vi_32/sandbox/132");

    /**
     * Checks that no component is null.
     *
     * @param openId the openid for the sandbox's app
     * @param unionId the unionid, when the app belongs to an open-platform account
     * @param profile the profile put into the encrypted user data
     */
    public SandboxUser {
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(profile, "profile");
    }

    /**
     * @param openId the openid WeChat will answer
     * @return a user without unionid, with {@link #DEFAULT_PROFILE}
     */
    public static SandboxUser withOpenId(String openId) {
        return new SandboxUser(openId, Optional.empty(), DEFAULT_PROFILE);
    }

    /**
     * @param newUnionId the unionid WeChat will answer
     * @return this user with that unionid
     */
    public SandboxUser unionId(String newUnionId) {
        return new SandboxUser(openId, Optional.of(newUnionId), profile);
    }

    /**
     * @param newProfile the profile the encrypted user data will carry
     * @return this user with that profile
     */
    public SandboxUser profile(UserProfile newProfile) {
        return new SandboxUser(openId, unionId, newProfile);
    }
}
