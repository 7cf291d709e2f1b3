package io.mpauthx.domain;

import java.util.Objects;

/**
 * The profile WeChat gives in the decrypted user data of the old login flow. Text fields are never null:
 * a field WeChat did not send is the empty string; {@code gender} follows WeChat (0 unknown, 1 male, 2 female).
 *
 * @param nickName the user's nickname
 * @param gender 0 unknown, 1 male, 2 female
 * @param language e.g. {@code zh_CN}
 * @param city city name
 * @param province province name
 * @param country country name
 * @param avatarUrl URL of the avatar image
 */
public record UserProfile(String nickName, int gender, String language, String city, String province,
                          String country, String avatarUrl) {

    /** Turns absent text into the empty string. */
    public UserProfile {
        nickName = Objects.requireNonNullElse(nickName, "");
        language = Objects.requireNonNullElse(language, "");
        city = Objects.requireNonNullElse(city, "");
        province = Objects.requireNonNullElse(province, "");
        country = Objects.requireNonNullElse(country, "");
        avatarUrl = Objects.requireNonNullElse(avatarUrl, "");
    }
}
