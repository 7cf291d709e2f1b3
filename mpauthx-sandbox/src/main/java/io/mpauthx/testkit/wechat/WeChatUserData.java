package io.mpauthx.testkit.wechat;

import io.mpauthx.domain.UserProfile;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/**
 * The {@code encryptedData} of {@code wx.getUserInfo}, made the way WeChat makes it: the UTF-8 JSON of the user's
 * profile with a watermark naming the app, encrypted with AES-128-CBC and PKCS#7 padding under the login's
 * session key. Public so tests can build data with keys, ivs and plaintexts of their choosing.
 */
public final class WeChatUserData {

    private WeChatUserData() {
    }

    /**
     * @param user whose data it is
     * @param appId the app id the watermark names
     * @param timestamp when the watermark says the data was made
     * @return the plaintext JSON WeChat encrypts
     */
    public static String plaintext(SandboxUser user, String appId, Instant timestamp) {
        UserProfile profile = user.profile();
        JsonText json = JsonText.object().put("openId", user.openId());
        user.unionId().ifPresent(unionId -> json.put("unionId", unionId));
        return json.put("nickName", profile.nickName())
                .put("gender", profile.gender())
                .put("language", profile.language())
                .put("city", profile.city())
                .put("province", profile.province())
                .put("country", profile.country())
                .put("avatarUrl", profile.avatarUrl())
                .put("watermark", JsonText.object().put("appid", appId).put("timestamp", timestamp.getEpochSecond()))
                .toString();
    }

    /**
     * @param plaintext any text, encrypted as UTF-8
     * @param sessionKey base64 of a 16-byte key
     * @param iv base64 of a 16-byte iv
     * @return the base64 ciphertext
     */
    public static String encrypt(String plaintext, String sessionKey, String iv) {
        try {
            // the JDK calls PKCS#7 padding on 16-byte blocks "PKCS5Padding"
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
                    new IvParameterSpec(Base64.getDecoder().decode(iv)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            // AES/CBC/PKCS5Padding is in every JDK; a bad key length is the caller's bug
            throw new IllegalArgumentException("cannot encrypt with this key and iv", impossible);
        }
    }
}
