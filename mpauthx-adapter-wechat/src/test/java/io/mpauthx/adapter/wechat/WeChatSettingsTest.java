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
        assertThat(noSecret.getMessage()).contains("app secret is required");
        assertThat(blankAppId.getMessage()).contains("app id is required");
    }

    @Test
    void outOfRangeSettingsAreNamedAsSettingsProblems() {
        assertRefused(credentials().requestTimeout(Duration.ZERO), "WeChat request timeout");
        assertRefused(credentials().connectTimeout(Duration.ofSeconds(-1)), "WeChat connect timeout");
        assertRefused(credentials().maxRetries(3), "WeChat retries");
        assertRefused(credentials().baseUrl(URI.create("ftp://example.com")), "WeChat API base URL");
        assertRefused(credentials().baseUrl(URI.create("https://example.com/?x=1")), "WeChat API base URL");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertRefused(WeChatSettings.builder().baseUrl(null).requestTimeout(null).retryBackoff(Duration.ZERO),
                "app id", "app secret", "WeChat API base URL", "WeChat request timeout", "WeChat retry backoff");
    }

    @Test
    void aBaseUrlWithCredentialsIsRefusedWithoutShowingThem() {
        assertRefused(credentials().baseUrl(URI.create("https://user:pa55word@proxy.example.com/?q")), "****@proxy");
        assertThatThrownBy(() -> credentials().baseUrl(URI.create("https://user:pa55word@proxy.example.com/?q"))
                .build()).hasMessageNotContaining("pa55word");
    }

    private static void assertRefused(WeChatSettings.Builder builder, String... named) {
        MpAuthXException refused = catchThrowableOfType(MpAuthXException.class, builder::build);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
        assertThat(refused.getMessage()).contains(named);
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(credentials().build().toString()).contains("wx-app").doesNotContain("the-app-secret");
    }
}
