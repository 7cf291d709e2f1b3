package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.DecryptedUserInfo;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.Decryptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decrypts {@code wx.getUserInfo}'s data with AES-128-CBC and checks it strictly: base64 and lengths first, then
 * the PKCS#7 padding by hand, then UTF-8, JSON and the watermark. WeChat's demo and the common SDKs let a wrong
 * session key through as garbage JSON; here each broken check fails with its own message. Messages and logs
 * carry neither the key, the iv nor a byte of plaintext.
 */
final class AesUserDataDecryptor implements Decryptor {

    private static final Logger LOG = LoggerFactory.getLogger(AesUserDataDecryptor.class);
    private static final int AES_BLOCK_BYTES = 16;

    private final String appId;

    AesUserDataDecryptor(String appId) {
        this.appId = appId;
    }

    @Override
    public DecryptedUserInfo decrypt(String encryptedData, String iv, String sessionKey) {
        try {
            byte[] key = decodeExactlyOneBlock(sessionKey, "session_key");
            byte[] ivBytes = decodeExactlyOneBlock(iv, "iv");
            byte[] cipherText = decodeBlocks(encryptedData);
            byte[] plaintext = withoutPadding(decryptCbc(cipherText, key, ivBytes));
            return UserDataPlaintext.parse(plaintext).checkedFor(appId);
        } catch (MpAuthXException failure) {
            LOG.debug("user data refused: {}", failure.getMessage());
            throw failure;
        }
    }

    private static byte[] decodeExactlyOneBlock(String base64, String name) {
        byte[] bytes = decodeBase64(base64, name);
        if (bytes.length != AES_BLOCK_BYTES) {
            throw refused(name + " must be base64 of 16 bytes, it decodes to " + bytes.length);
        }
        return bytes;
    }

    private static byte[] decodeBlocks(String encryptedData) {
        byte[] bytes = decodeBase64(encryptedData, "encryptedData");
        if (bytes.length == 0 || bytes.length % AES_BLOCK_BYTES != 0) {
            throw refused("encryptedData decodes to " + bytes.length
                    + " bytes, not a whole number of 16-byte AES blocks: it was truncated");
        }
        return bytes;
    }

    private static byte[] decodeBase64(String base64, String name) {
        if (base64 == null || base64.isEmpty()) {
            throw refused(name + " is missing");
        }
        if (base64.indexOf(' ') >= 0) {
            // "+" is a space once a form or query string is decoded: the client forgot to URL-encode
            throw refused(name + " contains a space where base64 has none: a '+' was probably URL-decoded into a space");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw refused(name + " is not valid base64");
        }
    }

    private static byte[] decryptCbc(byte[] cipherText, byte[] key, byte[] iv) {
        try {
            // NoPadding: the JDK's padding check cannot say what failed, so the padding is checked by hand
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(cipherText);
        } catch (GeneralSecurityException unexpected) {
            throw new MpAuthXException(StatusCode.USER_INFO_DECRYPTION_ERROR,
                    "the JDK refused AES-128-CBC (" + unexpected.getClass().getSimpleName() + ")", unexpected);
        }
    }

    /** Strict PKCS#7: the last byte n is 1–16 and the last n bytes all equal n. */
    private static byte[] withoutPadding(byte[] padded) {
        int n = padded[padded.length - 1] & 0xff;
        boolean valid = n >= 1 && n <= AES_BLOCK_BYTES;
        for (int i = padded.length - n; valid && i < padded.length; i++) {
            valid = (padded[i] & 0xff) == n;
        }
        if (!valid) {
            // with the right key the first block still decrypts to the JSON's opening brace; with a wrong one, noise
            throw refused(padded[0] == '{'
                    ? "the PKCS#7 padding is invalid although the data starts as JSON: encryptedData was altered or cut"
                    : "the PKCS#7 padding is invalid: session_key or iv is not the one this data was encrypted with"
                            + " (a session_key of an older wx.login?)");
        }
        return Arrays.copyOf(padded, padded.length - n);
    }

    static MpAuthXException refused(String message) {
        return new MpAuthXException(StatusCode.USER_INFO_DECRYPTION_ERROR, message);
    }
}
