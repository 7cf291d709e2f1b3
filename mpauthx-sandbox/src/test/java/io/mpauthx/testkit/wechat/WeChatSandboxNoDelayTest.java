package io.mpauthx.testkit.wechat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeChatSandboxNoDelayTest {

    @Test
    void theSandboxTurnsNagleOffBeforeItsHttpServerIsCreated() {
        try (WeChatSandbox weChat = WeChatSandbox.start("wx-nodelay", "secret")) {
            assertThat(weChat.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(System.getProperty(WeChatSandbox.NO_DELAY_PROPERTY)).isEqualTo("true");
        }
    }
}
