package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.DecryptedUserInfo;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.testing.HostileStrings;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatUserData;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

/** The decryptor refuses everything it cannot fully trust with 6011, and nothing else escapes it. */
class AesUserDataDecryptorProperties {

    private static final String APP_ID = "wx-decryptor-property";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODw==";
    private static final String IV = "8PHy8/T19vf4+fr7/P3+/w==";
    /** Text only the plaintexts carry: an error message quoting decrypted data would contain it. */
    private static final String PLAINTEXT_MARK = "plain-7f3a";

    private final Decryptor decryptor = WeChatAdapters.decryptor(APP_ID);

    @Test
    void anyDataIvAndKeyAreRefusedWith6011Only() {
        qt().withExamples(10_000).forAll(inputs(), inputs(), inputs()).checkAssert((data, iv, sessionKey) -> {
            MpAuthXException refused = catchThrowableOfType(MpAuthXException.class,
                    () -> decryptor.decrypt(data, iv, sessionKey));

            assertThat(refused).as("random bytes never pass strict padding, JSON and the watermark").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(StatusCode.USER_INFO_DECRYPTION_ERROR);
            assertThat(refused.getMessage()).doesNotContain(KEY);
        });
    }

    @Test
    void anyPlaintextUnderTheRightKeyDecryptsOrIsRefusedWith6011() {
        qt().withExamples(10_000).forAll(plaintexts()).checkAssert(plaintext -> {
            String data = WeChatUserData.encrypt(plaintext, KEY, IV);

            MpAuthXException refused = catchThrowableOfType(MpAuthXException.class, () -> {
                DecryptedUserInfo info = decryptor.decrypt(data, IV, KEY);
                assertThat(info.openId()).isNotEmpty();
            });

            if (refused != null) {
                assertThat(refused.statusCode()).isEqualTo(StatusCode.USER_INFO_DECRYPTION_ERROR);
                assertThat(refused.getMessage()).doesNotContain(PLAINTEXT_MARK);
            }
        });
    }

    private static Gen<String> inputs() {
        return Generate.frequency(Pair.of(3, HostileStrings.any()), Pair.of(1, Generate.pick(List.of(KEY, IV))));
    }

    private static Gen<String> plaintexts() {
        String valid = WeChatUserData.plaintext(SandboxUser.withOpenId("o-prop"), APP_ID, Instant.now());
        Gen<String> watermarks = Generate.pick(List.of(APP_ID, "wx-other", "")).map(appId ->
                "{\"appid\":\"" + appId + "\",\"timestamp\":1700000000}");
        Gen<String> plausible = Generate.oneOf(
                Generate.pick(List.of("o-prop", "u-prop", "zh_CN", PLAINTEXT_MARK)), watermarks);
        Gen<String> objects = ArbitraryJson.answers(List.of("openId", "unionId", "nickName", "gender",
                "language", "city", "province", "country", "avatarUrl", "watermark"), plausible);
        return Generate.frequency(Pair.of(1, Generate.constant(valid)), Pair.of(8, objects),
                Pair.of(1, Generate.range(0, valid.length()).map(cut -> valid.substring(0, cut))));
    }
}
