package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.DecryptedUserInfo;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.testing.HostileStrings;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatUserData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The decryptor refuses everything it cannot fully trust with 6011, and nothing else escapes it. */
class AesUserDataDecryptorProperties {

    private static final String APP_ID = "wx-decryptor-property";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODw==";
    private static final String IV = "8PHy8/T19vf4+fr7/P3+/w==";
    /** Text only the plaintexts carry: an error message quoting decrypted data would contain it. */
    private static final String PLAINTEXT_MARK = "plain-7f3a";

    private final Decryptor decryptor = WeChatAdapters.decryptor(APP_ID);

    @Property(tries = 10_000)
    void anyDataIvAndKeyAreRefusedWith6011Only(@ForAll("inputs") String data, @ForAll("inputs") String iv,
                                               @ForAll("inputs") String sessionKey) {
        MpAuthXException refused = catchThrowableOfType(MpAuthXException.class,
                () -> decryptor.decrypt(data, iv, sessionKey));

        assertThat(refused).as("random bytes never pass strict padding, JSON and the watermark").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(StatusCode.USER_INFO_DECRYPTION_ERROR);
        assertThat(refused.getMessage()).doesNotContain(KEY);
    }

    @Property(tries = 10_000)
    void anyPlaintextUnderTheRightKeyDecryptsOrIsRefusedWith6011(@ForAll("plaintexts") String plaintext) {
        String data = WeChatUserData.encrypt(plaintext, KEY, IV);

        MpAuthXException refused = catchThrowableOfType(MpAuthXException.class, () -> {
            DecryptedUserInfo info = decryptor.decrypt(data, IV, KEY);
            assertThat(info.openId()).isNotEmpty();
        });

        if (refused != null) {
            assertThat(refused.statusCode()).isEqualTo(StatusCode.USER_INFO_DECRYPTION_ERROR);
            assertThat(refused.getMessage()).doesNotContain(PLAINTEXT_MARK);
        }
    }

    @Provide
    Arbitrary<String> inputs() {
        return Arbitraries.frequencyOf(Tuple.of(3, HostileStrings.any()),
                Tuple.of(1, Arbitraries.of(KEY, IV)));
    }

    @Provide
    Arbitrary<String> plaintexts() {
        String valid = WeChatUserData.plaintext(SandboxUser.withOpenId("o-prop"), APP_ID, Instant.now());
        Arbitrary<String> watermarks = Arbitraries.of(APP_ID, "wx-other", "").map(appId ->
                "{\"appid\":\"" + appId + "\",\"timestamp\":1700000000}");
        Arbitrary<String> plausible = Arbitraries.oneOf(Arbitraries.of("o-prop", "u-prop", "zh_CN", PLAINTEXT_MARK), watermarks);
        Arbitrary<String> objects = ArbitraryJson.answers(List.of("openId", "unionId", "nickName", "gender",
                "language", "city", "province", "country", "avatarUrl", "watermark"), plausible);
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(valid)), Tuple.of(8, objects),
                Tuple.of(1, Arbitraries.integers().between(0, valid.length()).map(cut -> valid.substring(0, cut))));
    }
}
