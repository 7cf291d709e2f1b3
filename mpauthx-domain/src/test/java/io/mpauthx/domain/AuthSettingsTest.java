package io.mpauthx.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthSettingsTest {

    private static AuthSettings withTtl(Duration tokenTtl) {
        return new AuthSettings("wxapp", Sku.of("shop"), tokenTtl, AuthSettings.DEFAULT_MAX_TOKENS_PER_USER);
    }

    @Test
    void tokenLifetimesFromOneMillisecondToACenturyAreKept() {
        assertThat(withTtl(AuthSettings.MIN_TOKEN_TTL).tokenTtl()).isEqualTo(Duration.ofMillis(1));
        assertThat(withTtl(AuthSettings.MAX_TOKEN_TTL).tokenTtl()).isEqualTo(Duration.ofDays(36_500));
    }

    @Test
    void tokenLifetimesNoStoreCanKeepAreRefused() {
        for (Duration unkeepable : new Duration[] {Duration.ZERO, Duration.ofNanos(999_999),
                AuthSettings.MAX_TOKEN_TTL.plusNanos(1), Duration.ofSeconds(Long.MAX_VALUE)}) {
            assertThatThrownBy(() -> withTtl(unkeepable)).as("%s", unkeepable)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenTtl must be from");
        }
        assertThat(AuthSettings.isKeepableTokenTtl(Duration.ofNanos(999_999))).isFalse();
        assertThat(AuthSettings.isKeepableTokenTtl(AuthSettings.DEFAULT_TOKEN_TTL)).isTrue();
    }
}
