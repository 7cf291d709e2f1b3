package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.WeChatSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class Jscode2SessionAnswerTest {

    @Test
    void readsOpenIdSessionKeyAndUnionId() {
        WeChatSession session = read("{\"session_key\":\"a2V5\",\"openid\":\"o-1\",\"unionid\":\"u-1\"}");

        assertThat(session.openId()).isEqualTo("o-1");
        assertThat(session.sessionKey()).isEqualTo("a2V5");
        assertThat(session.unionId()).isEqualTo(Optional.of("u-1"));
    }

    @Test
    void errcodeZeroWithASessionIsSuccess() {
        assertThat(read("{\"errcode\":0,\"errmsg\":\"ok\",\"session_key\":\"k\",\"openid\":\"o-1\"}").openId())
                .isEqualTo("o-1");
    }

    @Test
    void emptyUnionIdCountsAsNone() {
        assertThat(read("{\"session_key\":\"k\",\"openid\":\"o-1\",\"unionid\":\"\"}").unionId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "[1,2]", "\"text\"", "{\"openid\":\"o\"} trailing", "{'openid':'o'}",
            "{\"session_key\":\"k\"}", "{\"openid\":\"o-1\"}", "{\"openid\":1,\"session_key\":\"k\"}",
            "{\"errcode\":\"busy\"}", "{\"errcode\":1.5}"})
    void answersThatAreNotTheExpectedJsonAreJsonErrors(String body) {
        assertThat(failure(200, body).statusCode()).isEqualTo(StatusCode.JSON_PARSED_ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"o.1", "o|1", "o 1", "\u00f6"})
    void idsOutsideTheTokenAlphabetAreRefused(String openId) {
        MpAuthXException failure = failure(200, "{\"session_key\":\"k\",\"openid\":\"" + openId + "\"}");

        assertThat(failure.statusCode()).isEqualTo(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR);
        assertThat(failure.weChatErrorCode()).isEmpty();
    }

    @Test
    void overLongUnionIdIsRefused() {
        String body = "{\"session_key\":\"k\",\"openid\":\"o\",\"unionid\":\"" + "u".repeat(129) + "\"}";

        assertThat(failure(200, body).statusCode()).isEqualTo(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR);
    }

    @Test
    void statusOtherThan200IsAnHttpErrorWhateverTheBody() {
        MpAuthXException failure = failure(302, "{\"session_key\":\"k\",\"openid\":\"o\"}");

        assertThat(failure.statusCode()).isEqualTo(StatusCode.HTTP_ERROR);
        assertThat(failure.getMessage()).contains("302");
    }

    @Test
    void whitespaceBodyIsEmpty() {
        assertThat(failure(200, " \n").statusCode()).isEqualTo(StatusCode.RESPONSE_IS_NULL);
    }

    @Test
    void errmsgEchoingASecretIsRedactedAndTrimmed() {
        MpAuthXException failure = failure(200,
                "{\"errcode\":40029,\"errmsg\":\"bad code the-code for secret the-secret " + "x".repeat(300) + "\"}");

        assertThat(failure.weChatErrorCode()).hasValue(40029);
        assertThat(failure.getMessage()).doesNotContain("the-code", "the-secret").hasSizeLessThan(250);
    }

    private static WeChatSession read(String body) {
        return Jscode2SessionAnswer.read(200, body.getBytes(StandardCharsets.UTF_8), "the-code", "the-secret");
    }

    private static MpAuthXException failure(int status, String body) {
        return catchThrowableOfType(MpAuthXException.class, () -> Jscode2SessionAnswer.read(status,
                body.getBytes(StandardCharsets.UTF_8), "the-code", "the-secret"));
    }
}
