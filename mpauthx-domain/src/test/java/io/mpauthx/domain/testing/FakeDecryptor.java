package io.mpauthx.domain.testing;

import io.mpauthx.domain.DecryptedUserInfo;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.Decryptor;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A hand-written decryptor for use-case tests: "ciphertexts" are handles to registered plaintexts. */
public final class FakeDecryptor implements Decryptor {

    private final Map<String, DecryptedUserInfo> plaintexts = new ConcurrentHashMap<>();

    /**
     * @param openId the openId inside the data
     * @param unionId the unionId inside the data, or null
     * @param profile the profile inside the data
     * @return the "encryptedData" that decrypts to it
     */
    public String encrypt(String openId, String unionId, UserProfile profile) {
        String handle = UUID.randomUUID().toString();
        plaintexts.put(handle, new DecryptedUserInfo(openId, Optional.ofNullable(unionId), profile));
        return handle;
    }

    @Override
    public DecryptedUserInfo decrypt(String encryptedData, String iv, String sessionKey) {
        DecryptedUserInfo info = plaintexts.get(encryptedData);
        if (info == null) {
            throw new MpAuthXException(StatusCode.USER_INFO_DECRYPTION_ERROR, "not data this fake encrypted");
        }
        return info;
    }
}
