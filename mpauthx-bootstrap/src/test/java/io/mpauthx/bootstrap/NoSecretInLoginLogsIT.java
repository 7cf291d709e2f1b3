package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.testkit.logging.CapturedLogs;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every log line, at every level, of full logins through the facade: none may carry a secret. */
class NoSecretInLoginLogsIT {

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    private final List<String> secrets = new ArrayList<>(List.of("facade-secret"));

    @Test
    void aFullLoginWithRetriesAndFailuresLogsNoSecret() {
        SandboxUser ann = SandboxUser.withOpenId("oAnn").unionId("uAnn");
        try (WeChatSandbox weChat = WeChatSandbox.start("wx-log-test", "facade-secret");
             MpAuthX auth = WeChatSandboxLoginIT.builderFor(weChat).build()) {
            SandboxLogin login = remembered(weChat.newLogin(ann));
            weChat.failNext(WeChatFault.SYSTEM_BUSY);
            secrets.add(auth.authorize(login.code(), login.encryptedData(), login.iv()).token());
            secrets.add(auth.authorize(remembered(weChat.newLogin(ann)).code()).token());
            secrets.add(auth.refreshToken("uAnn").token());

            catchThrowableOfType(MpAuthXException.class, () -> auth.authorize(login.code()));
            SandboxLogin stale = remembered(weChat.newLogin(ann));
            catchThrowableOfType(MpAuthXException.class,
                    () -> auth.authorize(remembered(weChat.newLogin(ann)).code(), stale.encryptedData(), stale.iv()));
            weChat.failNext(WeChatFault.BROKEN_BODY);
            catchThrowableOfType(MpAuthXException.class, () -> auth.authorize(stale.code()));
        }

        assertThat(logs.lines()).as("the flow logs something, or this test proves nothing").hasSizeGreaterThanOrEqualTo(4);
        assertThat(logs.linesContainingAny(secrets)).isEmpty();
    }

    @Test
    void thePhoneFlowWithRefreshesAndRefusalsLogsNoTokenCodeOrNumber() {
        SandboxUser bea = SandboxUser.withOpenId("oBeaPhone");
        try (WeChatSandbox weChat = WeChatSandbox.start("wx-log-phone", "facade-secret");
             MpAuthX auth = WeChatSandboxLoginIT.builderFor(weChat).build()) {
            String userId = auth.authorize(remembered(weChat.newLogin(bea)).code()).userId();
            secrets.addAll(List.of(bea.phone().phoneNumber(), bea.phone().purePhoneNumber()));
            String code = remembered(weChat.newPhoneCode(bea));
            weChat.failNext(WeChatFault.SYSTEM_BUSY);
            auth.phoneNumber(userId, code);
            catchThrowableOfType(MpAuthXException.class, () -> auth.phoneNumber(userId, code));
            weChat.invalidateAccessTokens();
            auth.phoneNumber(userId, remembered(weChat.newPhoneCode(bea)));
            weChat.failNext(WeChatFault.BROKEN_BODY);
            catchThrowableOfType(MpAuthXException.class, () -> auth.phoneNumber(userId,
                    remembered(weChat.newPhoneCode(bea))));
            weChat.rejectEveryAccessToken();
            MpAuthXException refused = catchThrowableOfType(MpAuthXException.class, () -> auth.phoneNumber(userId,
                    remembered(weChat.newPhoneCode(bea))));
            secrets.addAll(weChat.issuedAccessTokens());
            assertThat(secrets).as("tokens were issued").hasSizeGreaterThan(8);
            assertThat(refused.getMessage()).doesNotContain(secrets.toArray(String[]::new));
            assertThat(auth.findUser(userId).orElseThrow().toString()).doesNotContain(secrets.toArray(String[]::new));
        }

        assertThat(logs.lines()).as("the flow logs something, or this test proves nothing")
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(logs.linesContainingAny(secrets)).isEmpty();
    }

    private String remembered(String phoneCode) {
        secrets.add(phoneCode);
        return phoneCode;
    }

    private SandboxLogin remembered(SandboxLogin login) {
        secrets.addAll(login.secrets());
        return login;
    }
}
