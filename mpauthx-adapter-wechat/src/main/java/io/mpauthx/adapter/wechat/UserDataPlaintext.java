package io.mpauthx.adapter.wechat;

import com.google.gson.JsonObject;
import io.mpauthx.domain.DecryptedUserInfo;
import io.mpauthx.domain.UserProfile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The decrypted user data: UTF-8 JSON with {@code openId}, {@code unionId} (optional), the profile fields and
 * {@code watermark{appid,timestamp}}. Its content is a secret of the user: no part of it goes into a message.
 */
record UserDataPlaintext(String openId, Optional<String> unionId, UserProfile profile, String watermarkAppId) {

    static UserDataPlaintext parse(byte[] plaintext) {
        JsonObject json = StrictJson.parseObject(utf8(plaintext)).orElseThrow(() -> AesUserDataDecryptor.refused(
                "the decrypted data is not a JSON object: the iv does not belong to this data, or it is not user data"));
        try {
            return new UserDataPlaintext(
                    StrictJson.string(json, "openId").filter(id -> !id.isEmpty()).orElseThrow(
                            () -> AesUserDataDecryptor.refused("the decrypted data has no openId")),
                    StrictJson.string(json, "unionId").filter(id -> !id.isEmpty()),
                    profile(json),
                    watermarkAppId(json));
        } catch (StrictJson.WrongTypeException wrongType) {
            throw AesUserDataDecryptor.refused("the decrypted data is not as expected: " + wrongType.getMessage());
        }
    }

    /** The watermark proves the data was made for this Mini Program and not replayed from another app. */
    DecryptedUserInfo checkedFor(String appId) {
        if (!appId.equals(watermarkAppId)) {
            throw AesUserDataDecryptor.refused("the watermark names another app id: the data was made for a different"
                    + " Mini Program");
        }
        return new DecryptedUserInfo(openId, unionId, profile);
    }

    private static UserProfile profile(JsonObject json) {
        return new UserProfile(
                StrictJson.string(json, "nickName").orElse(""),
                StrictJson.integer(json, "gender").orElse(0),
                StrictJson.string(json, "language").orElse(""),
                StrictJson.string(json, "city").orElse(""),
                StrictJson.string(json, "province").orElse(""),
                StrictJson.string(json, "country").orElse(""),
                StrictJson.string(json, "avatarUrl").orElse(""));
    }

    private static String watermarkAppId(JsonObject json) {
        return StrictJson.object(json, "watermark")
                .flatMap(watermark -> StrictJson.string(watermark, "appid"))
                .orElseThrow(() -> AesUserDataDecryptor.refused("the decrypted data has no watermark.appid"));
    }

    private static String utf8(byte[] plaintext) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw AesUserDataDecryptor.refused(
                    "the decrypted data is not UTF-8 text: the iv does not belong to this data");
        }
    }

    @Override
    public String toString() {
        return "UserDataPlaintext[<redacted>]";
    }
}
