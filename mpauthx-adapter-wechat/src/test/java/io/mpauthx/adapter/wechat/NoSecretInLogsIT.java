package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.WeChatSession;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.WeChatGateway;
import io.mpauthx.testkit.logging.CapturedLogs;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NoSecretInLogsIT {

    private static final String SECRET = "app-secret-4f1c9e";
    private static final SandboxUser ALICE = SandboxUser.withOpenId("o-alice").unionId("u-alice");

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    private final List<String> secrets = new ArrayList<>(List.of(SECRET));

    @Test
    void loginsRetriesAndFailuresLogNoSecret() {
        try (WeChatSandbox sandbox = WeChatSandbox.start("wx-log-test", SECRET)) {
            WeChatGateway gateway = WeChatAdapters.gateway(WeChatSettings.builder().appId(sandbox.appId())
                    .appSecret(SECRET).baseUrl(sandbox.baseUrl()).retryBackoff(Duration.ofMillis(5)).build());
            Decryptor decryptor = WeChatAdapters.decryptor(sandbox.appId());

            SandboxLogin login = remembered(sandbox.newLogin(ALICE));
            sandbox.failNext(WeChatFault.CONNECTION_RESET);
            catchThrowableOfType(MpAuthXException.class, () -> gateway.exchangeCode(login.code()));
            // a faulted request leaves the sandbox's code unused
            sandbox.failNext(WeChatFault.SYSTEM_BUSY);
            WeChatSession session = gateway.exchangeCode(login.code());
            decryptor.decrypt(login.encryptedData(), login.iv(), session.sessionKey());

            catchThrowableOfType(MpAuthXException.class, () -> gateway.exchangeCode(login.code()));
            SandboxLogin stale = remembered(sandbox.newLogin(ALICE));
            catchThrowableOfType(MpAuthXException.class,
                    () -> decryptor.decrypt(stale.encryptedData(), stale.iv(), session.sessionKey()));
            sandbox.failNext(WeChatFault.BROKEN_BODY);
            catchThrowableOfType(MpAuthXException.class, () -> gateway.exchangeCode(stale.code()));
        }

        assertThat(logs.lines()).as("the flow logs something, or this test proves nothing").hasSizeGreaterThanOrEqualTo(4);
        assertThat(logs.linesContainingAny(secrets)).isEmpty();
    }

    private SandboxLogin remembered(SandboxLogin login) {
        secrets.addAll(login.secrets());
        return login;
    }
}
