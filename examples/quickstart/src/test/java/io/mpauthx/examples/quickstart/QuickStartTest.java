package io.mpauthx.examples.quickstart;

import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick start against the WeChat sandbox: a real jscode2session server on loopback. */
class QuickStartTest {

    @TempDir
    Path folder;

    @Test
    void aUserLogsInIsAllowedAndARefreshEndsTheOldToken() {
        try (WeChatSandbox weChat = WeChatSandbox.start("wx-quickstart", "test-secret");
             QuickStart backend = new QuickStart("wx-quickstart", "test-secret", weChat.baseUrl(),
                     folder.resolve("users.db"))) {
            String code = weChat.newLogin(SandboxUser.withOpenId("oAlice")).code();

            String token = backend.login(code);
            assertTrue(backend.isAllowed(token));

            String fresh = backend.refresh(token);
            assertNotEquals(token, fresh);
            assertTrue(backend.isAllowed(fresh));
            assertFalse(backend.isAllowed(token));
        }
    }
}
