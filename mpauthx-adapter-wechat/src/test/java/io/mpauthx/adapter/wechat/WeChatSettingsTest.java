package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WeChatSettingsTest {

    private static WeChatSettings.Builder credentials() {
        return WeChatSettings.builder().appId("wx-app").appSecret("the-app-secret");
    }

    @Test
    void defaultsAreWeChatsHostThreeAndFiveSecondsAndTwoRetries() {
        WeChatSettings settings = credentials().build();

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.weixin.qq.com"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.maxRetries()).isEqualTo(2);
    }

    @Test
    void missingCredentialsAreMissingParameters() {
        MpAuthXException noSecret = catchThrowableOfType(MpAuthXException.class,
                () -> WeChatSettings.builder().appId("wx-app").build());
        MpAuthXException blankAppId = catchThrowableOfType(MpAuthXException.class,
                () -> WeChatSettings.builder().appId(" ").appSecret("s").build());

        assertThat(noSecret.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
        assertThat(noSecret.getMessage()).contains("appSecret");
        assertThat(blankAppId.getMessage()).contains("appId");
    }

    @Test
    void outOfRangeSettingsAreNamed() {
        assertThatThrownBy(() -> credentials().requestTimeout(Duration.ZERO).build()).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> credentials().connectTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> credentials().maxRetries(3).build()).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> credentials().baseUrl(URI.create("ftp://example.com")).build())
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> credentials().baseUrl(URI.create("https://example.com/?x=1")).build())
                .hasMessageContaining("baseUrl");
    }

    @Test
    void everyOutOfRangeSettingIsNamedAtOnce() {
        assertThatThrownBy(() -> credentials().baseUrl(null).requestTimeout(null).retryBackoff(Duration.ZERO).build())
                .hasMessageContaining("baseUrl").hasMessageContaining("requestTimeout")
                .hasMessageContaining("retryBackoff");
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(credentials().build().toString()).contains("wx-app").doesNotContain("the-app-secret");
    }
}
