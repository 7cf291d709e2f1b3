package io.mpauthx.adapter.wechat;

import io.mpauthx.adapter.wechat.MisbehavingHttpServer.Behaviour;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.WeChatGateway;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.logging.CapturedLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;

import static io.mpauthx.domain.testing.Failures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Transport faults the WeChat sandbox cannot make, against a real loopback server that misbehaves on purpose. */
class HttpWeChatGatewayTransportIT {

    private static final String CODE = "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d";
    /** What loopback socket buffers and the HTTP client's own read-ahead can hold, far below the safety bound. */
    private static final long MOST_BYTES_IN_FLIGHT = 32L << 20;

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    private MisbehavingHttpServer server;

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private WeChatGateway gatewayTo(Behaviour... behaviours) {
        server = MisbehavingHttpServer.start(behaviours);
        return WeChatAdapters.gateway(WeChatSettings.builder().appId("wx-transport-test").appSecret("secret")
                .baseUrl(server.baseUrl()).requestTimeout(Duration.ofSeconds(10))
                .retryBackoff(Duration.ofMillis(10)).build());
    }

    @Test
    void resetAfterTheRequestWasSentIsNotRetried() {
        // were it asked again, WeChat would answer 40163: the first request may have used the code
        WeChatGateway gateway = gatewayTo(Behaviour.RESET, Behaviour.ANSWER_CODE_USED);

        assertBrokenAfterSendingAndNotSentAgain(gateway, 1);
    }

    @Test
    void resetOfAReusedConnectionAfterTheRequestWasSentIsNotRetried() {
        WeChatGateway gateway = gatewayTo(Behaviour.ANSWER_SESSION, Behaviour.RESET, Behaviour.ANSWER_CODE_USED);
        assertThat(gateway.exchangeCode(CODE).openId()).isEqualTo("o-alice");

        assertBrokenAfterSendingAndNotSentAgain(gateway, 2);
    }

    private void assertBrokenAfterSendingAndNotSentAgain(WeChatGateway gateway, int requestsInAll) {
        MpAuthXException failure = assertFailsWith(StatusCode.HTTP_RESPONSE_ERROR_EVENT,
                () -> gateway.exchangeCode(CODE));

        assertThat(failure.weChatErrorCode()).isEmpty();
        assertThat(failure.getMessage()).contains("may have used the code");
        assertThat(server.requestCount()).isEqualTo(requestsInAll);
    }

    @Test
    void hugeAnnouncedLengthIsRefusedBeforeTheBodyIsRead() {
        WeChatGateway gateway = gatewayTo(Behaviour.HUGE_CONTENT_LENGTH);

        MpAuthXException failure = assertFailsWith(StatusCode.JSON_PARSED_ERROR, () -> gateway.exchangeCode(CODE));

        assertThat(failure.getMessage()).contains(Long.toString(MisbehavingHttpServer.ANNOUNCED_LENGTH));
        assertHungUpOnTheBody();
    }

    @Test
    void endlessChunkedBodyIsReadNoFurtherThanTheCap() {
        WeChatGateway gateway = gatewayTo(Behaviour.ENDLESS_CHUNKS);

        MpAuthXException failure = assertFailsWith(StatusCode.JSON_PARSED_ERROR, () -> gateway.exchangeCode(CODE));

        assertThat(failure.getMessage()).contains("65536");
        assertHungUpOnTheBody();
    }

    /** A gateway that buffered the body would read on until the server's safety bound, or out of memory. */
    private void assertHungUpOnTheBody() {
        Await.until(Duration.ofSeconds(10), server::clientHungUp, "the gateway closes the connection");
        assertThat(server.bodyBytesSent()).as("body bytes sent, socket buffers included")
                .isLessThan(MOST_BYTES_IN_FLIGHT);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsRetriedUpToTheLimit() throws IOException {
        WeChatGateway gateway = gatewayTo(Behaviour.ANSWER_SESSION);
        server.close();

        MpAuthXException failure = assertFailsWith(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                () -> gateway.exchangeCode(CODE));

        assertThat(failure.getMessage()).contains("could not connect");
        assertThat(logs.lines()).anyMatch(line -> line.contains("retry 1 of 2"))
                .anyMatch(line -> line.contains("retry 2 of 2"));
    }
}
