package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sealing retained session keys: round trip, bound to the user and the app secret, no trace of the key. */
class AesGcmSessionKeySealerTest {

    private static final String SESSION_KEY = "tiihtNczf5v6AKRyjwEUhQ==";
    private static final UserId ANN = UserId.of("oAnn");
    private final AesGcmSessionKeySealer sealer = AesGcmSessionKeySealer.fromAppSecret("wxapp", "app-secret");

    @Test
    void hkdfMatchesRfc5869TestCaseOne() {
        HexFormat hex = HexFormat.of();
        byte[] okm = AesGcmSessionKeySealer.hkdfSha256(hex.parseHex("000102030405060708090a0b0c"),
                hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

        assertThat(hex.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
    }

    @Test
    void aSealedKeyOpensForItsUser() {
        String sealed = sealer.seal(ANN, SESSION_KEY);

        assertThat(sealer.open(ANN, sealed)).isEqualTo(SESSION_KEY);
        assertThat(sealer.seal(ANN, SESSION_KEY)).as("a fresh nonce per seal").isNotEqualTo(sealed);
    }

    @Test
    void theSealedTextShowsTheKeyInNoEncoding() {
        String sealed = sealer.seal(ANN, SESSION_KEY);
        byte[] raw = Base64.getDecoder().decode(SESSION_KEY);

        assertThat(sealed).doesNotContain(SESSION_KEY, HexFormat.of().formatHex(raw),
                Base64.getUrlEncoder().withoutPadding().encodeToString(raw), SESSION_KEY.replace("=", ""),
                new String(raw, StandardCharsets.ISO_8859_1));
    }

    @Test
    void anotherUsersTamperedOrForeignSealIsRefusedWith6011() {
        String sealed = sealer.seal(ANN, SESSION_KEY);
        // a character in the middle: the last one may carry only unused padding bits
        int middle = sealed.length() / 2;
        String tampered = sealed.substring(0, middle) + (sealed.charAt(middle) == 'A' ? 'B' : 'A')
                + sealed.substring(middle + 1);

        assertRefused(() -> sealer.open(UserId.of("oBob"), sealed));
        assertRefused(() -> sealer.open(ANN, tampered));
        assertRefused(() -> AesGcmSessionKeySealer.fromAppSecret("wxapp", "new-secret").open(ANN, sealed));
        assertRefused(() -> AesGcmSessionKeySealer.fromAppSecret("wxother", "app-secret").open(ANN, sealed));
        assertRefused(() -> sealer.open(ANN, "not sealed"));
        assertRefused(() -> sealer.open(ANN, "v1.AAAA"));
    }

    private static void assertRefused(Runnable open) {
        MpAuthXException refused = catchThrowableOfType(MpAuthXException.class, open::run);
        assertThat(refused.statusCode()).isEqualTo(StatusCode.USER_INFO_DECRYPTION_ERROR);
        assertThat(refused.getMessage()).contains("log in again").doesNotContain(SESSION_KEY);
    }
}
