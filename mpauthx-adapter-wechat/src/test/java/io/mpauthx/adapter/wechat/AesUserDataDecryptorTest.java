package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.DecryptedUserInfo;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import io.mpauthx.testkit.wechat.WeChatUserData;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static io.mpauthx.domain.testing.Failures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

class AesUserDataDecryptorTest {

    private static final String APP_ID = "wx-decryptor-test";
    // fixed key, iv and plaintext: a failure with a random key could, once in 256 runs, pass the padding check
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODw==";
    private static final String IV = "8PHy8/T19vf4+fr7/P3+/w==";
    private static final String OTHER_KEY = "EBESExQVFhcYGRobHB0eHw==";
    private static final SandboxUser ALICE = SandboxUser.withOpenId("o-alice").unionId("u-alice")
            .profile(new UserProfile("Alice \"\u7231\u4e3d\u4e1d\"", 2, "zh_CN", "Hangzhou", "Zhejiang", "China",
                    "https://example.invalid/a.png"));
    private static final String DATA = encrypt(WeChatUserData.plaintext(ALICE, APP_ID, Instant.ofEpochSecond(1_700_000_000)));

    private final Decryptor decryptor = WeChatAdapters.decryptor(APP_ID);
    private final List<String> messages = new ArrayList<>();

    @Test
    void decryptsWhatTheSandboxEncrypted() {
        try (WeChatSandbox sandbox = WeChatSandbox.start(APP_ID, "secret")) {
            SandboxLogin login = sandbox.newLogin(ALICE);

            DecryptedUserInfo info = decryptor.decrypt(login.encryptedData(), login.iv(), login.sessionKey());

            assertThat(info.openId()).isEqualTo("o-alice");
            assertThat(info.unionId()).isEqualTo(Optional.of("u-alice"));
            assertThat(info.profile()).isEqualTo(ALICE.profile());
        }
    }

    @Test
    void userWithoutUnionIdDecryptsWithoutOne() {
        String data = encrypt(WeChatUserData.plaintext(SandboxUser.withOpenId("o-bob"), APP_ID, Instant.now()));

        DecryptedUserInfo info = decryptor.decrypt(data, IV, KEY);

        assertThat(info.openId()).isEqualTo("o-bob");
        assertThat(info.unionId()).isEmpty();
        assertThat(info.profile()).isEqualTo(SandboxUser.DEFAULT_PROFILE);
    }

    @Test
    void everyBrokenInputFailsWithItsOwnMessage() {
        refused(() -> decryptor.decrypt(DATA, IV, OTHER_KEY), "session_key or iv is not the one");
        refused(() -> decryptor.decrypt(DATA, "AAECAwQFBgcICQoLDA0O", KEY), "iv must be base64 of 16 bytes");
        refused(() -> decryptor.decrypt(DATA.substring(0, DATA.length() - 4), IV, KEY), "not a whole number");
        refused(() -> decryptor.decrypt(flipLastByte(DATA), IV, KEY), "altered or cut");
        refused(() -> decryptor.decrypt("not*base64!", IV, KEY), "encryptedData is not valid base64");
        refused(() -> decryptor.decrypt(DATA, IV.replace('+', ' '), KEY), "a '+' was probably URL-decoded");
        refused(() -> decryptor.decrypt(encrypt("nickName=Alice"), IV, KEY), "not a JSON object");
        refused(() -> WeChatAdapters.decryptor("wx-other-app").decrypt(DATA, IV, KEY), "watermark names another app");
        refused(() -> decryptor.decrypt(DATA, IV, "short"), "session_key is not valid base64");
        refused(() -> decryptor.decrypt(encrypt("{\"openId\":\"o\"}"), IV, KEY), "no watermark.appid");
        refused(() -> decryptor.decrypt(encrypt("{\"openId\":7}"), IV, KEY), "openId is not a string");
        refused(() -> decryptor.decrypt(encrypt("{\"nickName\":\"x\"}"), IV, KEY), "no openId");
        refused(() -> decryptor.decrypt("", IV, KEY), "encryptedData is missing");

        assertThat(messages).doesNotHaveDuplicates();
    }

    @Test
    void wrongIvOfTheRightLengthIsRefused() {
        String otherIv = Base64.getEncoder().encodeToString(new byte[16]);

        refused(() -> decryptor.decrypt(DATA, otherIv, KEY), "iv does not belong to this data");
    }

    @Test
    void messagesCarryNoSecretAndNoPlaintext() {
        refused(() -> decryptor.decrypt(DATA, IV, OTHER_KEY), "");
        refused(() -> WeChatAdapters.decryptor("wx-other-app").decrypt(DATA, IV, KEY), "");
        refused(() -> decryptor.decrypt(DATA, IV.replace('+', ' '), KEY), "");

        assertThat(String.join("\n", messages))
                .doesNotContain(KEY, OTHER_KEY, IV, IV.replace('+', ' '), DATA, "o-alice", "u-alice", "Alice", APP_ID);
    }

    private void refused(ThrowingCallable decryption, String expectedMessagePart) {
        MpAuthXException failure = assertFailsWith(StatusCode.USER_INFO_DECRYPTION_ERROR, decryption);
        assertThat(failure.getMessage()).contains(expectedMessagePart);
        messages.add(failure.getMessage());
    }

    private static String encrypt(String plaintext) {
        return WeChatUserData.encrypt(plaintext, KEY, IV);
    }

    private static String flipLastByte(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[bytes.length - 1] ^= 0x01;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
