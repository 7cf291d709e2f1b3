package io.mpauthx.domain.port.out;

import io.mpauthx.domain.DecryptedUserInfo;
import io.mpauthx.domain.MpAuthXException;

/**
 * Decrypts the {@code encryptedData} of {@code wx.getUserInfo} (AES-128-CBC, PKCS#7) and checks its watermark
 * against the configured app id.
 */
public interface Decryptor {

    /**
     * @param encryptedData base64 ciphertext from the phone
     * @param iv base64 of the 16-byte IV from the phone
     * @param sessionKey base64 of the 16-byte session key from jscode2session
     * @return the decrypted and checked user data
     * @throws MpAuthXException 6011 for every failure, with a message naming the check that failed and no secret
     */
    DecryptedUserInfo decrypt(String encryptedData, String iv, String sessionKey);
}
