package io.mpauthx.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

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

    /**
     * The profile a stored row holds in its nullable profile columns, for the user repositories: none when every one
     * of them is null, as in the rows of users who only ever logged in with a code and in every row the Node.js
     * original wrote (it stored ids only). Beside other values, a null gender is 0 (unknown) and null text empty.
     *
     * @param nickName the stored nickname, or null
     * @param gender the stored gender, or null
     * @param language the stored language, or null
     * @param city the stored city, or null
     * @param province the stored province, or null
     * @param country the stored country, or null
     * @param avatarUrl the stored avatar URL, or null
     * @return the profile, or empty when the row holds none
     */
    public static Optional<UserProfile> fromStoredColumns(String nickName, Integer gender, String language,
                                                          String city, String province, String country,
                                                          String avatarUrl) {
        if (gender == null && Stream.of(nickName, language, city, province, country, avatarUrl)
                .allMatch(Objects::isNull)) {
            return Optional.empty();
        }
        return Optional.of(new UserProfile(nickName, gender == null ? 0 : gender, language, city, province, country,
                avatarUrl));
    }
}
