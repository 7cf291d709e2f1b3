package io.mpauthx.testkit.wechat;

import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.UserProfile;

import java.util.Objects;
import java.util.Optional;

/**
 * A WeChat user known to the {@link WeChatSandbox}: what jscode2session, the encrypted user data and
 * getuserphonenumber say about them.
 *
 * @param openId the openid for the sandbox's app
 * @param unionId the unionid, when the app belongs to an open-platform account
 * @param profile the profile put into the encrypted user data
 * @param phone the number getuserphonenumber answers for this user's phone codes
 */
public record SandboxUser(String openId, Optional<String> unionId, UserProfile profile, PhoneNumber phone) {

    /** A profile as a phone of 2021 would have sent it. */
    public static final UserProfile DEFAULT_PROFILE = new UserProfile("Sandbox User", 1, "zh_CN", "Shenzhen",
            "Guangdong", "China", "https://thirdwx.qlogo.cn/mmopen/vi_32/sandbox/132");

    /**
     * Checks that no component is null.
     *
     * @param openId the openid for the sandbox's app
     * @param unionId the unionid, when the app belongs to an open-platform account
     * @param profile the profile put into the encrypted user data
     * @param phone the number getuserphonenumber answers for this user's phone codes
     */
    public SandboxUser {
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(phone, "phone");
    }

    /**
     * A user with the phone number {@link #phoneNumberOf(String)} gives for the openid.
     *
     * @param openId the openid for the sandbox's app
     * @param unionId the unionid, when the app belongs to an open-platform account
     * @param profile the profile put into the encrypted user data
     */
    public SandboxUser(String openId, Optional<String> unionId, UserProfile profile) {
        this(openId, unionId, profile, phoneNumberOf(openId));
    }

    /**
     * @param openId the openid WeChat will answer
     * @return a user without unionid, with {@link #DEFAULT_PROFILE}
     */
    public static SandboxUser withOpenId(String openId) {
        return new SandboxUser(openId, Optional.empty(), DEFAULT_PROFILE);
    }

    /**
     * A made-up mainland China mobile number, the same for the same openid, so that tests can predict it.
     *
     * @param openId any openid
     * @return {@code +86 138…} with eight digits taken from the openid
     */
    public static PhoneNumber phoneNumberOf(String openId) {
        String digits = String.format("%08d", Math.floorMod(Objects.requireNonNull(openId, "openId").hashCode(),
                100_000_000));
        return new PhoneNumber("+86138" + digits, "138" + digits, "86");
    }

    /**
     * @param newUnionId the unionid WeChat will answer
     * @return this user with that unionid
     */
    public SandboxUser unionId(String newUnionId) {
        return new SandboxUser(openId, Optional.of(newUnionId), profile, phone);
    }

    /**
     * @param newProfile the profile the encrypted user data will carry
     * @return this user with that profile
     */
    public SandboxUser profile(UserProfile newProfile) {
        return new SandboxUser(openId, unionId, newProfile, phone);
    }

    /**
     * @param newPhone the number getuserphonenumber will answer
     * @return this user with that number
     */
    public SandboxUser phone(PhoneNumber newPhone) {
        return new SandboxUser(openId, unionId, profile, newPhone);
    }
}
