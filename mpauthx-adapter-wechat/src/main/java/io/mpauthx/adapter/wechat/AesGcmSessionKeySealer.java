package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.SessionKeySealer;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * AES-256-GCM with a fresh 96-bit nonce per seal and the user id as associated data, so a sealed key opens only
 * for its user and any change to it is detected. The AES key is derived from the app secret with HKDF-SHA256
 * (RFC 5869; salt and info name this use and the app), so operators manage no second secret, and a new app secret
 * makes every retained key unreadable (its users log in again), which is the safe outcome. Sealed text is
 * {@code v1.} followed by base64url of nonce, ciphertext and tag.
 */
final class AesGcmSessionKeySealer implements SessionKeySealer {

    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] SALT = "mpauthx session_key at rest".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private AesGcmSessionKeySealer(byte[] keyBytes) {
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    /**
     * @param appId the app the secret belongs to, bound into the key
     * @param appSecret the app secret; the key is derived from it and it is not kept
     */
    static AesGcmSessionKeySealer fromAppSecret(String appId, String appSecret) {
        byte[] ikm = appSecret.getBytes(StandardCharsets.UTF_8);
        byte[] info = ("AES-256-GCM key for " + appId).getBytes(StandardCharsets.UTF_8);
        return new AesGcmSessionKeySealer(hkdfSha256(SALT, ikm, info, 32));
    }

    @Override
    public String seal(UserId user, String sessionKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, user);
            byte[] sealed = cipher.doFinal(sessionKey.getBytes(StandardCharsets.UTF_8));
            byte[] whole = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(whole);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is part of every JDK", impossible);
        }
    }

    @Override
    public String open(UserId user, String sealed) {
        byte[] whole = decoded(sealed);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(whole, NONCE_BYTES), user);
            byte[] plain = cipher.doFinal(whole, NONCE_BYTES, whole.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException notOurs) {
            throw refused();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is part of every JDK", impossible);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UserId user) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(user.value().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static byte[] decoded(String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw refused();
        }
        try {
            byte[] whole = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
            if (whole.length < NONCE_BYTES + TAG_BITS / 8) {
                throw refused();
            }
            return whole;
        } catch (IllegalArgumentException notBase64) {
            throw refused();
        }
    }

    private static MpAuthXException refused() {
        return new MpAuthXException(StatusCode.USER_INFO_DECRYPTION_ERROR, "the retained session_key cannot be "
                + "opened (changed, another user's, or sealed under an earlier app secret): "
                + "the user must log in again");
    }

    /** RFC 5869 extract-then-expand; the JDK has HKDF only from version 24. */
    static byte[] hkdfSha256(byte[] salt, byte[] ikm, byte[] info, int length) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] pseudoRandomKey = extract.doFinal(ikm);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            ByteBuffer output = ByteBuffer.allocate(length);
            byte[] block = new byte[0];
            for (byte counter = 1; output.hasRemaining(); counter++) {
                expand.update(block);
                expand.update(info);
                expand.update(counter);
                block = expand.doFinal();
                output.put(block, 0, Math.min(block.length, output.remaining()));
            }
            return output.array();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    @Override
    public String toString() {
        return "AesGcmSessionKeySealer[<key redacted>]";
    }
}
