package io.mpauthx.adapter.wechat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mpauthx.domain.DecryptedUserInfo;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the decrypted user data (docs/reliability.md): the bytes AES-128-CBC gave back are
 * user info or 6011, never anything else. The fuzzer feeds the plaintext reader directly: encrypting each input
 * first would cost most of the time and reach no other code, since padding made here is always valid
 * ({@link AesUserDataDecryptorProperties} covers the whole decryptor). A plain build replays the seeds and saved
 * findings in {@code UserDataPlaintextFuzzTestInputs}; {@code -Pfuzz} runs libFuzzer on it.
 */
class UserDataPlaintextFuzzTest {

    private static final String APP_ID = "wx-fuzz-app";

    @FuzzTest(maxDuration = "60s")
    void anyPlaintextIsUserInfoOr6011(byte[] plaintext) {
        try {
            DecryptedUserInfo info = UserDataPlaintext.parse(plaintext).checkedFor(APP_ID);
            assertThat(info.openId()).isNotEmpty();
        } catch (MpAuthXException refused) {
            assertThat(refused.statusCode()).isEqualTo(StatusCode.USER_INFO_DECRYPTION_ERROR);
        }
    }
}
