package io.mpauthx.bootstrap;

import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade on the embedded stores, with WeChat faked by hand. */
class MpAuthXFacadeTest {

    private final FakeWeChatGateway weChat = new FakeWeChatGateway();
    private final FakeDecryptor decryptor = new FakeDecryptor();
    private final MpAuthX auth = MpAuthX.builder()
            .appId("wxapp").appSecret("app-secret-value").sku("shop")
            .tokenTtl(Duration.ofHours(1))
            .inMemoryUserRepository().inMemoryTokenStore()
            .weChatGateway(weChat).decryptor(decryptor)
            .build();

    @AfterEach
    void close() {
        auth.close();
    }

    @Test
    void oldFlowLoginGivesATokenThatChecksAndParses() {
        String data = decryptor.encrypt("oAnn", null,
                new UserProfile("Ann", 2, "zh_CN", "Hangzhou", "Zhejiang", "China", ""));

        AuthResult result = auth.authorize(weChat.newCode("oAnn", null), data, "aXY=");

        assertThat(result.statusCode()).isEqualTo(StatusCode.SUCCESS.code());
        assertThat(auth.isTokenValid(result.token())).isTrue();
        assertThat(auth.isTokenValidAsync(result.token()).toCompletableFuture().join()).isTrue();
        assertThat(auth.extractOpenId(result.token())).contains("oAnn");
        assertThat(auth.extractSku(result.token())).contains("shop");
    }

    @Test
    void everyManagementCallWorksThroughTheFacade() {
        String phone = auth.authorize(weChat.newCode("oBob", "uBob")).token();
        String tablet = auth.authorize(weChat.newCode("oBob", "uBob")).token();
        assertThat(auth.activeTokens("uBob")).hasSize(2);

        assertThat(auth.revokeToken(phone)).isTrue();
        assertThat(auth.isTokenValid(phone)).isFalse();
        assertThat(auth.isTokenValid(tablet)).isTrue();

        String refreshed = auth.refreshToken("uBob").token();
        assertThat(auth.isTokenValid(tablet)).isFalse();
        assertThat(auth.revokeAllTokens("uBob")).isEqualTo(1);
        assertThat(auth.isTokenValid(refreshed)).isFalse();
    }

    @Test
    void nullAndGarbageNeverThrow() {
        assertThat(auth.isTokenValid(null)).isFalse();
        assertThat(auth.extractOpenId(null)).isEmpty();
        assertThat(auth.extractSku("...")).isEmpty();
        assertThat(auth.revokeToken("\u0000")).isFalse();
        assertThat(auth.revokeAllTokens(null)).isZero();
        assertThat(auth.activeTokens("")).isEmpty();
        assertThatThrownBy(() -> auth.authorize((String) null))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR));
        assertThatThrownBy(() -> auth.authorize("code", null, "iv"))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.getMessage()).contains("encryptedData"));
    }

    @Test
    void closeIsIdempotentAndLaterCallsFailWithADatabaseError() {
        auth.close();
        auth.close();

        assertThatThrownBy(() -> auth.isTokenValid("oX.shop.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
        assertThat(auth.toString()).contains("closed");
    }
}
