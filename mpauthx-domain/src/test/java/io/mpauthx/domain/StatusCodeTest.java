package io.mpauthx.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusCodeTest {

    @Test
    void numbersAreTheOriginalsConstants() {
        Map<StatusCode, Integer> contract = Map.ofEntries(
                Map.entry(StatusCode.SUCCESS, 1),
                Map.entry(StatusCode.DATABASE_RELATED_ERROR, 6000),
                Map.entry(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, 6001),
                Map.entry(StatusCode.HTTP_ERROR, 6002),
                Map.entry(StatusCode.RESPONSE_IS_NULL, 6003),
                Map.entry(StatusCode.JSON_PARSED_ERROR, 6004),
                Map.entry(StatusCode.HTTP_RESPONSE_ERROR_EVENT, 6005),
                Map.entry(StatusCode.HTTP_REQUEST_ERROR_EVENT, 6006),
                Map.entry(StatusCode.INVALID_ACCESS_TOKEN, 6007),
                Map.entry(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, 6008),
                Map.entry(StatusCode.OPENID_OR_UNIONID_NOT_MATCH, 6009),
                Map.entry(StatusCode.USER_NOT_EXIST_IN_DB, 6010),
                Map.entry(StatusCode.USER_INFO_DECRYPTION_ERROR, 6011),
                Map.entry(StatusCode.UNKNOWN_ERROR, 9999));

        assertThat(StatusCode.values()).hasSize(contract.size());
        contract.forEach((status, number) -> {
            assertThat(status.code()).isEqualTo(number);
            assertThat(StatusCode.ofCode(number)).isEqualTo(status);
        });
        assertThat(StatusCode.INTERNET_CONNECTION_ERROR.code()).isEqualTo(6006);
        assertThat(StatusCode.ofCode(42)).isEqualTo(StatusCode.UNKNOWN_ERROR);
    }

    @Test
    void exceptionCarriesItsCodeAndWeChatsErrcode() {
        MpAuthXException plain = new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, "redis down");
        MpAuthXException weChat = MpAuthXException.fromWeChat(
                StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, 40163, "code been used");

        assertThat(plain.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
        assertThat(plain.weChatErrorCode()).isEqualTo(OptionalInt.empty());
        assertThat(plain.getMessage()).isEqualTo("6000 redis down");
        assertThat(weChat.weChatErrorCode()).hasValue(40163);
        assertThat(weChat.weChatErrorCode()).isNotEqualTo(OptionalInt.empty());
    }

    @Test
    void successIsNotAFailure() {
        assertThatThrownBy(() -> new MpAuthXException(StatusCode.SUCCESS, "fine"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultJsonEscapesText() {
        assertThat(new AuthResult(6000, "say \"hi\"\n", "t", "oUser", Instant.EPOCH).toJson())
                .isEqualTo("{\"status_code\":6000,\"status_message\":\"say \\\"hi\\\"\\n\",\"response\":\"t\"}");
    }
}
