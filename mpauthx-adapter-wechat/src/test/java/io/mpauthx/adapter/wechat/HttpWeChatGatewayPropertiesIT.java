package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.WeChatGateway;
import io.mpauthx.domain.testing.HostileStrings;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

/**
 * The gateway over real HTTP, against a sandbox answering arbitrary statuses and bodies: a session or a status code.
 * Fewer tries (3,000) than the pure reader's property ({@link Jscode2SessionAnswerProperties}, which covers the
 * parsing 10,000 times): each try is a loopback round trip, and CI time is shared.
 */
class HttpWeChatGatewayPropertiesIT {

    private static final Set<StatusCode> GATEWAY_CODES = EnumSet.of(StatusCode.REQUIRED_PARAMS_MISSING_ERROR,
            StatusCode.HTTP_ERROR, StatusCode.RESPONSE_IS_NULL, StatusCode.JSON_PARSED_ERROR,
            StatusCode.HTTP_RESPONSE_ERROR_EVENT, StatusCode.HTTP_REQUEST_ERROR_EVENT,
            StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR);

    private WeChatSandbox sandbox;
    private WeChatGateway gateway;

    @BeforeEach
    void startSandbox() {
        sandbox = WeChatSandbox.start("wx-property", Jscode2SessionAnswerProperties.SECRET);
        gateway = WeChatAdapters.gateway(WeChatSettings.builder().appId("wx-property")
                .appSecret(Jscode2SessionAnswerProperties.SECRET).baseUrl(sandbox.baseUrl())
                .requestTimeout(Duration.ofSeconds(2)).retryBackoff(Duration.ofMillis(1)).build());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void anyAnswerOverHttpIsAUsableSessionOrAStatusCode() {
        qt().withExamples(3_000).forAll(Jscode2SessionAnswerProperties.answerStatuses(),
                Jscode2SessionAnswerProperties.jscode2sessionAnswers(), codes()).checkAssert((status, body, code) -> {
            sandbox.answerNext(status, body);

            MpAuthXException refused = catchThrowableOfType(MpAuthXException.class,
                    () -> Jscode2SessionAnswerProperties.assertUsable(gateway.exchangeCode(code)));

            if (refused != null) {
                assertThat(refused.statusCode()).isIn(GATEWAY_CODES);
                assertThat(refused.getMessage()).doesNotContain(Jscode2SessionAnswerProperties.SECRET);
            }
        });
    }

    private static Gen<String> codes() {
        return Generate.frequency(Pair.of(4, Generate.constant(Jscode2SessionAnswerProperties.CODE)),
                Pair.of(1, HostileStrings.any()));
    }
}
