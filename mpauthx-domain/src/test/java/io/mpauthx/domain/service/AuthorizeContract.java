package io.mpauthx.domain.service;

import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.in.LoginCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract's authorize, both flows, on the stores under test. */
public abstract class AuthorizeContract extends UseCasesFixture {

    @Test
    void oldFlowLoginReturnsAValidTokenItsUserAndExpiryAndStoresTheProfile() {
        String openId = uniqueId("o");
        Instant before = Instant.now();
        AuthResult result = oldFlowLogin(openId, null, null, profile("Ann"));

        assertThat(result.statusCode()).isEqualTo(1);
        assertThat(result.statusMessage()).isEqualTo("OK");
        assertThat(result.userId()).isEqualTo(openId);
        assertThat(result.expiresAt()).isBetween(before.plus(TTL).minusSeconds(5), Instant.now().plus(TTL));
        assertThat(valid(result.response())).isTrue();
        assertThat(AccessToken.parse(result.response())).hasValueSatisfying(token -> {
            assertThat(token.owner().userId().value()).isEqualTo(openId);
            assertThat(token.owner().sku().value()).isEqualTo(SKU);
        });
        assertThat(users.find(UserId.of(openId)).orElseThrow().profile()).contains(profile("Ann"));
    }

    @Test
    void unionIdInTheDecryptedDataIsTheUserId() {
        String unionId = uniqueId("u");
        AuthResult result = oldFlowLogin(uniqueId("o"), null, unionId, profile("Ann"));

        assertThat(result.userId()).isEqualTo(unionId);
        assertThat(useCases.checkTokens().extractUserId(result.response())).contains(unionId);
        assertThat(registered(unionId)).isTrue();
    }

    @Test
    void unionIdFromJsCode2SessionIsUsedWhenTheDataHasNone() {
        String unionId = uniqueId("u");
        AuthResult result = oldFlowLogin(uniqueId("o"), unionId, null, profile("Ann"));

        assertThat(result.userId()).isEqualTo(unionId);
    }

    @Test
    void codeOnlyLoginRegistersTheUserWithoutProfile() {
        String openId = uniqueId("o");
        AuthResult result = codeOnlyLogin(openId, null);

        assertThat(valid(result.response())).isTrue();
        assertThat(users.find(UserId.of(openId)).orElseThrow().profile()).isEmpty();
    }

    @Test
    void codeOnlyLoginPrefersTheUnionIdAndKeepsAStoredProfile() {
        String openId = uniqueId("o");
        String unionId = uniqueId("u");
        oldFlowLogin(openId, unionId, unionId, profile("Kept"));

        AuthResult result = codeOnlyLogin(openId, unionId);

        assertThat(result.userId()).isEqualTo(unionId);
        assertThat(users.find(UserId.of(unionId)).orElseThrow().profile()).contains(profile("Kept"));
    }

    @Test
    void openIdMismatchIsRefusedAndNothingIsStored() {
        String openId = uniqueId("o");
        String code = weChat.newCode(openId, null);
        String data = decryptor.encrypt(uniqueId("other"), null, profile("Eve"));

        assertThatThrownBy(() -> useCases.authorize().authorize(LoginCommand.withProfile(code, data, "aXY=")))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.OPENID_OR_UNIONID_NOT_MATCH));
        assertThat(registered(openId)).isFalse();
        assertThat(useCases.manageTokens().activeTokens(openId)).isEmpty();
    }

    @Test
    void unionIdMismatchIsRefusedAndNothingIsStored() {
        String openId = uniqueId("o");
        String unionIdOfTheCode = uniqueId("u");
        String unionIdInTheData = uniqueId("other");

        assertThatThrownBy(() -> oldFlowLogin(openId, unionIdOfTheCode, unionIdInTheData, profile("Eve")))
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.OPENID_OR_UNIONID_NOT_MATCH);
                    assertThat(e.getMessage()).contains("unionId").doesNotContain(unionIdOfTheCode, unionIdInTheData);
                });
        assertThat(registered(unionIdOfTheCode)).isFalse();
        assertThat(registered(unionIdInTheData)).isFalse();
        assertThat(registered(openId)).isFalse();
        assertThat(useCases.manageTokens().activeTokens(unionIdInTheData)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void missingArgumentsAreNamed(String missing) {
        assertMissing(() -> LoginCommand.withProfile(missing, "data", "iv"), "code");
        assertMissing(() -> LoginCommand.withProfile("code", missing, "iv"), "encryptedData");
        assertMissing(() -> LoginCommand.withProfile("code", "data", missing), "iv");
        assertMissing(() -> LoginCommand.codeOnly(missing), "code");
        assertMissing(() -> LoginCommand.codeOnly("code").onDevice(missing), "device label");
    }

    static void assertMissing(Runnable call, String argument) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(MpAuthXException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
            assertThat(e.getMessage()).contains(argument);
        });
    }

    @Test
    void reusedCodeIsRefusedWithWeChatsErrcode() {
        String code = weChat.newCode(uniqueId("o"), null);
        useCases.authorize().authorize(LoginCommand.codeOnly(code));

        assertThatThrownBy(() -> useCases.authorize().authorize(LoginCommand.codeOnly(code)))
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR);
                    assertThat(e.weChatErrorCode()).hasValue(40163);
                    assertThat(e.isRetryable()).as("the phone needs a new code").isFalse();
                    assertThat(e.httpStatus()).isEqualTo(401);
                });
    }

    @Test
    void userIdOutsideTheTokenAlphabetIsRefused() {
        String badUnionId = "union.with.dots";
        assertThatThrownBy(() -> oldFlowLogin(uniqueId("o"), null, badUnionId, profile("Ann")))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR));
        assertThat(useCases.findUsers().findUser(badUnionId)).isEmpty();
    }

    @Test
    void aLoginMayNameItsDevice() {
        String openId = uniqueId("o");
        loginOnDevice(openId, "iPhone 15");
        loginOnDevice(openId, "办公室电脑");
        codeOnlyLogin(openId, null);

        assertThat(useCases.manageTokens().activeTokens(openId))
                .extracting(info -> info.device().orElse("none"))
                .containsExactly("iPhone 15", "办公室电脑", "none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\there", "new\nline", "\uD800 lone surrogate",
            "a label that is far longer than forty-eight bytes of UTF-8"})
    void aDeviceLabelThatIsNoShortPrintableTextIsRefused(String label) {
        assertMissing(() -> LoginCommand.codeOnly("code").onDevice(label), "device label");
    }

    @Test
    void resultSerialisesToTheOriginalWireShape() {
        AuthResult result = codeOnlyLogin(uniqueId("o"), null);
        assertThat(result.toJson()).isEqualTo(
                "{\"status_code\":1,\"status_message\":\"OK\",\"response\":\"" + result.token() + "\"}");
        assertThat(result.toString()).doesNotContain(result.token());
        assertThat(Duration.between(Instant.now(), result.expiresAt())).isPositive();
    }
}
