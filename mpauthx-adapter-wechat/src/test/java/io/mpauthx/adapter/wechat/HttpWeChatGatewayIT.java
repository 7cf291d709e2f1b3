package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.WeChatSession;
import io.mpauthx.domain.port.out.WeChatGateway;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.mpauthx.domain.testing.Failures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HttpWeChatGatewayIT {

    /** Characters a query string must escape, so a secret that survives them proves every parameter is encoded. */
    private static final String SECRET = "s3cr&t=+ %/?#";
    private static final SandboxUser ALICE = SandboxUser.withOpenId("o-alice");

    private final WeChatSandbox sandbox = WeChatSandbox.start("wx-gateway-test", SECRET);
    private final WeChatGateway gateway = WeChatAdapters.gateway(settings().build());

    private WeChatSettings.Builder settings() {
        return WeChatSettings.builder().appId(sandbox.appId()).appSecret(SECRET).baseUrl(sandbox.baseUrl())
                .retryBackoff(Duration.ofMillis(10));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void exchangesACodeForTheUsersSession() {
        SandboxLogin login = sandbox.newLogin(ALICE);

        WeChatSession session = gateway.exchangeCode(login.code());

        assertThat(session.openId()).isEqualTo("o-alice");
        assertThat(session.sessionKey()).isEqualTo(login.sessionKey());
        assertThat(session.unionId()).isEmpty();
    }

    @Test
    void answersTheUnionIdWhenWeChatSendsOne() {
        SandboxLogin login = sandbox.newLogin(ALICE.unionId("u-alice"));

        assertThat(gateway.exchangeCode(login.code()).unionId()).isEqualTo(Optional.of("u-alice"));
    }

    @Test
    void reusedCodeIsRefusedWithWeChats40163() {
        SandboxLogin login = sandbox.newLogin(ALICE);
        gateway.exchangeCode(login.code());

        assertRefusedWith(40163, () -> gateway.exchangeCode(login.code()));
    }

    @Test
    void unknownCodeIsRefusedWithWeChats40029() {
        assertRefusedWith(40029, () -> gateway.exchangeCode("never-issued"));
    }

    @Test
    void wrongSecretIsRefusedWithWeChats40125() {
        WeChatGateway misconfigured = WeChatAdapters.gateway(settings().appSecret("other-secret").build());

        assertRefusedWith(40125, () -> misconfigured.exchangeCode(sandbox.newLogin(ALICE).code()));
    }

    @Test
    void systemBusyIsRetriedAndThenSucceeds() {
        sandbox.failNext(WeChatFault.SYSTEM_BUSY);
        SandboxLogin login = sandbox.newLogin(ALICE);

        assertThat(gateway.exchangeCode(login.code()).openId()).isEqualTo("o-alice");
        assertThat(sandbox.requestCount()).isEqualTo(2);
    }

    @Test
    void systemBusyIsRetriedTwiceAtMost() {
        sandbox.failNext(WeChatFault.SYSTEM_BUSY);
        sandbox.failNext(WeChatFault.SYSTEM_BUSY);
        sandbox.failNext(WeChatFault.SYSTEM_BUSY);

        assertRefusedWith(-1, () -> gateway.exchangeCode(sandbox.newLogin(ALICE).code()));
        assertThat(sandbox.requestCount()).isEqualTo(3);
    }

    @Test
    void connectionDroppedAfterTheRequestIsAResponseErrorAndNotRetried() {
        sandbox.failNext(WeChatFault.CONNECTION_RESET);
        String code = sandbox.newLogin(ALICE).code();

        assertFailsWith(StatusCode.HTTP_RESPONSE_ERROR_EVENT, () -> gateway.exchangeCode(code));
        assertThat(sandbox.requestCount()).isEqualTo(1);
    }

    @Test
    void rateLimitIsNotRetried() {
        sandbox.failNext(WeChatFault.RATE_LIMITED);

        assertRefusedWith(45011, () -> gateway.exchangeCode(sandbox.newLogin(ALICE).code()));
        assertThat(sandbox.requestCount()).isEqualTo(1);
    }

    @Test
    void highRiskUserIsRefusedWithWeChats40226() {
        sandbox.failNext(WeChatFault.HIGH_RISK_USER);

        assertRefusedWith(40226, () -> gateway.exchangeCode(sandbox.newLogin(ALICE).code()));
    }

    @Test
    void serverErrorIsAnHttpError() {
        sandbox.failNext(WeChatFault.SERVER_ERROR);

        assertFailsWith(StatusCode.HTTP_ERROR, () -> gateway.exchangeCode(sandbox.newLogin(ALICE).code()));
    }

    @Test
    void htmlPageIsAJsonError() {
        sandbox.failNext(WeChatFault.HTML_PAGE);

        assertFailsWith(StatusCode.JSON_PARSED_ERROR, () -> gateway.exchangeCode(sandbox.newLogin(ALICE).code()));
    }

    @Test
    void emptyBodyIsAnEmptyResponse() {
        sandbox.failNext(WeChatFault.EMPTY_BODY);

        assertFailsWith(StatusCode.RESPONSE_IS_NULL, () -> gateway.exchangeCode(sandbox.newLogin(ALICE).code()));
    }

    @Test
    void bodyBrokenOffIsAResponseError() {
        sandbox.failNext(WeChatFault.BROKEN_BODY);

        assertFailsWith(StatusCode.HTTP_RESPONSE_ERROR_EVENT,
                () -> gateway.exchangeCode(sandbox.newLogin(ALICE).code()));
    }

    @Test
    void stalledWeChatFailsWithinTheRequestTimeout() {
        Duration timeout = Duration.ofMillis(700);
        WeChatGateway impatient = WeChatAdapters.gateway(settings().requestTimeout(timeout).build());
        sandbox.failNext(WeChatFault.STALL);
        long start = System.nanoTime();

        assertFailsWith(StatusCode.HTTP_REQUEST_ERROR_EVENT, () -> impatient.exchangeCode(sandbox.newLogin(ALICE).code()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusSeconds(2));
    }

    @Test
    void unreachableWeChatIsARequestError() {
        WeChatGateway gatewayToNowhere = WeChatAdapters.gateway(settings().build());
        String code = sandbox.newLogin(ALICE).code();
        sandbox.close();

        assertFailsWith(StatusCode.HTTP_REQUEST_ERROR_EVENT, () -> gatewayToNowhere.exchangeCode(code));
    }

    @Test
    void blankCodeIsAMissingParameter() {
        assertFailsWith(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, () -> gateway.exchangeCode(" "));
        assertFailsWith(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, () -> gateway.exchangeCode(null));
        assertThat(sandbox.requestCount()).isZero();
    }

    @Test
    void absurdlyLongCodeIsRefusedWithoutAsking() {
        String huge = "x".repeat(HttpWeChatGateway.LONGEST_CODE + 1);

        assertFailsWith(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, () -> gateway.exchangeCode(huge));
        assertThat(sandbox.requestCount()).isZero();
    }

    @Test
    void codesWithAnyCharacterAreSentEncodedAndRefusedByWeChat() {
        assertRefusedWith(40029, () -> gateway.exchangeCode("a&grant_type=x|.%00\u00e9\u0000' OR 1=1"));
    }

    private static void assertRefusedWith(int errcode, ThrowingCallable call) {
        MpAuthXException failure = assertFailsWith(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, call);
        assertThat(failure.weChatErrorCode()).hasValue(errcode);
        assertThat(failure.getMessage()).contains(Integer.toString(errcode)).doesNotContain(SECRET);
    }
}
