package io.mpauthx.bootstrap;

import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static io.mpauthx.domain.testing.Failures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Full logins through the facade, with the default WeChat wiring talking HTTP to the sandbox on loopback. */
class WeChatSandboxLoginIT {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1500);
    private static final UserProfile ANN_PROFILE =
            new UserProfile("Ann", 2, "zh_CN", "Hangzhou", "Zhejiang", "China", "https://example.invalid/ann.png");
    private static final SandboxUser ANN = SandboxUser.withOpenId("oAnn").profile(ANN_PROFILE);
    private static final SandboxUser BOB = SandboxUser.withOpenId("oBob").unionId("uBob");

    private final WeChatSandbox weChat = WeChatSandbox.start("wx-facade-test", "facade-secret");
    private final MpAuthX auth = builderFor(weChat).build();

    static MpAuthXBuilder builderFor(WeChatSandbox sandbox) {
        return MpAuthX.builder()
                .appId(sandbox.appId()).appSecret("facade-secret").sku("shop")
                .inMemoryUserRepository().inMemoryTokenStore()
                .weChatApiBaseUrl(sandbox.baseUrl())
                .weChatRequestTimeout(REQUEST_TIMEOUT);
    }

    @AfterEach
    void close() {
        auth.close();
        weChat.close();
    }

    @Test
    void oldFlowRegistersTheProfileAndIssuesAToken() {
        SandboxLogin login = weChat.newLogin(ANN);

        AuthResult result = auth.authorize(login.code(), login.encryptedData(), login.iv());

        assertThat(result.statusCode()).isEqualTo(StatusCode.SUCCESS.code());
        assertThat(auth.isTokenValid(result.token())).isTrue();
        assertThat(auth.extractOpenId(result.token())).contains("oAnn");
        assertThat(auth.findUser("oAnn")).hasValueSatisfying(user -> assertThat(user.profile()).contains(ANN_PROFILE));
    }

    @Test
    void codeOnlyFlowIssuesAToken() {
        AuthResult result = auth.authorize(weChat.newLogin(ANN).code());

        assertThat(auth.isTokenValid(result.token())).isTrue();
        assertThat(auth.extractOpenId(result.token())).contains("oAnn");
    }

    @Test
    void unionIdIsPreferredAsTheUserIdInBothFlows() {
        SandboxLogin old = weChat.newLogin(BOB);

        String oldFlowToken = auth.authorize(old.code(), old.encryptedData(), old.iv()).token();
        String codeOnlyToken = auth.authorize(weChat.newLogin(BOB).code()).token();

        assertThat(auth.extractOpenId(oldFlowToken)).contains("uBob");
        assertThat(auth.extractOpenId(codeOnlyToken)).contains("uBob");
    }

    @Test
    void dataOfAnotherUserIsAnOpenIdMismatch() {
        SandboxLogin forged = weChat.newLoginWithDataOf(ANN, BOB);

        assertFailsWith(StatusCode.OPENID_OR_UNIONID_NOT_MATCH,
                () -> auth.authorize(forged.code(), forged.encryptedData(), forged.iv()));
        assertThat(auth.findUser("oAnn")).isEmpty();
    }

    @Test
    void dataWithAnotherUnionIdIsAUnionIdMismatch() {
        SandboxLogin forged = weChat.newLoginWithDataOf(BOB, BOB.unionId("uMallory"));

        assertFailsWith(StatusCode.OPENID_OR_UNIONID_NOT_MATCH,
                () -> auth.authorize(forged.code(), forged.encryptedData(), forged.iv()));
        assertThat(auth.findUser("uBob")).isEmpty();
        assertThat(auth.findUser("uMallory")).isEmpty();
    }

    @Test
    void reusedCodeIsRefusedWithWeChats40163() {
        String code = weChat.newLogin(ANN).code();
        auth.authorize(code);

        MpAuthXException failure = assertFailsWith(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR,
                () -> auth.authorize(code));
        assertThat(failure.weChatErrorCode()).hasValue(40163);
    }

    @Test
    void systemBusyIsRetriedAndTheLoginSucceeds() {
        weChat.failNext(WeChatFault.SYSTEM_BUSY);

        AuthResult result = auth.authorize(weChat.newLogin(ANN).code());

        assertThat(auth.isTokenValid(result.token())).isTrue();
        assertThat(weChat.requestCount()).isEqualTo(2);
    }

    @Test
    void stalledWeChatFailsWithinTheRequestTimeout() {
        weChat.failNext(WeChatFault.STALL);
        String code = weChat.newLogin(ANN).code();
        long start = System.nanoTime();

        assertFailsWith(StatusCode.HTTP_REQUEST_ERROR_EVENT, () -> auth.authorize(code));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(REQUEST_TIMEOUT.plusSeconds(2));
    }

    @Test
    void serverErrorIsAnHttpError() {
        weChat.failNext(WeChatFault.SERVER_ERROR);

        assertFailsWith(StatusCode.HTTP_ERROR, () -> auth.authorize(weChat.newLogin(ANN).code()));
    }

    @Test
    void htmlInsteadOfJsonIsAJsonError() {
        weChat.failNext(WeChatFault.HTML_PAGE);

        assertFailsWith(StatusCode.JSON_PARSED_ERROR, () -> auth.authorize(weChat.newLogin(ANN).code()));
    }

    @Test
    void stalePairOfEncryptedDataAndIvIsADecryptionError() {
        SandboxLogin earlier = weChat.newLogin(ANN);
        SandboxLogin now = weChat.newLogin(ANN);

        assertFailsWith(StatusCode.USER_INFO_DECRYPTION_ERROR,
                () -> auth.authorize(now.code(), earlier.encryptedData(), earlier.iv()));
    }

    @Test
    void invalidWeChatOptionsAreNamedByTheBuilder() {
        MpAuthXException failure = catchThrowableOfType(MpAuthXException.class, () -> builderFor(weChat)
                .weChatRequestTimeout(Duration.ZERO).weChatApiBaseUrl(URI.create("ftp://example.com")).build());

        assertThat(failure.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
        assertThat(failure.getMessage()).contains("WeChat request timeout").contains("WeChat API base URL");
    }
}
