package io.mpauthx.adapter.wechat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.WeChatSession;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.WeChatGateway;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NoSecretInLogsIT {

    private static final String SECRET = "app-secret-4f1c9e";
    private static final SandboxUser ALICE = SandboxUser.withOpenId("o-alice").unionId("u-alice");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void captureEveryLevel() {
        levelBefore = root.getLevel();
        root.setLevel(Level.TRACE);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(captured);
        root.setLevel(levelBefore);
    }

    @Test
    void loginsRetriesAndFailuresLogNoSecret() {
        List<String> secrets = new ArrayList<>(List.of(SECRET));
        try (WeChatSandbox sandbox = WeChatSandbox.start("wx-log-test", SECRET)) {
            WeChatGateway gateway = WeChatAdapters.gateway(WeChatSettings.builder().appId(sandbox.appId())
                    .appSecret(SECRET).baseUrl(sandbox.baseUrl()).retryBackoff(Duration.ofMillis(5)).build());
            Decryptor decryptor = WeChatAdapters.decryptor(sandbox.appId());

            SandboxLogin login = sandbox.newLogin(ALICE);
            secrets.addAll(List.of(login.code(), login.sessionKey(), login.encryptedData(), login.iv()));
            sandbox.failNext(WeChatFault.SYSTEM_BUSY);
            sandbox.failNext(WeChatFault.CONNECTION_RESET);
            WeChatSession session = gateway.exchangeCode(login.code());
            decryptor.decrypt(login.encryptedData(), login.iv(), session.sessionKey());

            catchThrowableOfType(MpAuthXException.class, () -> gateway.exchangeCode(login.code()));
            SandboxLogin stale = sandbox.newLogin(ALICE);
            secrets.addAll(List.of(stale.code(), stale.sessionKey(), stale.encryptedData(), stale.iv()));
            catchThrowableOfType(MpAuthXException.class,
                    () -> decryptor.decrypt(stale.encryptedData(), stale.iv(), session.sessionKey()));
            sandbox.failNext(WeChatFault.BROKEN_BODY);
            catchThrowableOfType(MpAuthXException.class, () -> gateway.exchangeCode(stale.code()));
        }

        List<String> lines = captured.list.stream().map(NoSecretInLogsIT::everythingPrinted).toList();
        assertThat(lines).as("the flow logs something, or this test proves nothing").hasSizeGreaterThanOrEqualTo(4);
        for (String line : lines) {
            assertThat(line).doesNotContain(secrets);
        }
    }

    /** The message with its arguments, and every message of the attached exception chain. */
    private static String everythingPrinted(ILoggingEvent event) {
        StringBuilder printed = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            printed.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return printed.toString();
    }
}
