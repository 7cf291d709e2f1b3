package io.mpauthx.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NearCacheSettingsTest {

    @Test
    void defaultsCacheWithTheNamedBounds() {
        NearCacheSettings settings = NearCacheSettings.defaults();

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.maxEntries()).isEqualTo(NearCacheSettings.DEFAULT_MAX_ENTRIES);
        assertThat(settings.maxStaleness()).isEqualTo(NearCacheSettings.DEFAULT_MAX_STALENESS).hasSeconds(30);
        assertThat(settings.heartbeatInterval()).isEqualTo(NearCacheSettings.DEFAULT_HEARTBEAT_INTERVAL)
                .hasMillis(250);
        assertThat(settings.heartbeatTimeout()).isEqualTo(NearCacheSettings.DEFAULT_HEARTBEAT_TIMEOUT).hasMillis(500);
        assertThat(settings.heartbeatBound()).as("a cached answer outlives a silent link by at most this")
                .hasMillis(750);
        assertThat(NearCacheSettings.disabled().enabled()).isFalse();
    }

    @Test
    void everySettingCanBeSetAndIsShown() {
        NearCacheSettings settings = NearCacheSettings.builder()
                .maxEntries(500).maxStaleness(Duration.ofSeconds(5))
                .heartbeatInterval(Duration.ofMillis(100)).heartbeatTimeout(Duration.ofMillis(200)).build();

        assertThat(settings.maxEntries()).isEqualTo(500);
        assertThat(settings.maxStaleness()).hasSeconds(5);
        assertThat(settings.heartbeatBound()).hasMillis(300);
        assertThat(settings).hasToString("NearCacheSettings[maxEntries=500, maxStaleness=PT5S, "
                + "heartbeatInterval=PT0.1S, heartbeatTimeout=PT0.2S]");
        assertThat(NearCacheSettings.disabled()).hasToString("NearCacheSettings[disabled]");
    }

    @Test
    void boundsThatCannotWorkAreRefusedByName() {
        assertThatThrownBy(() -> NearCacheSettings.builder().maxEntries(0).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("at least 1 entry");
        assertThatThrownBy(() -> NearCacheSettings.builder().maxStaleness(Duration.ZERO).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("staleness must be positive");
        assertThatThrownBy(() -> NearCacheSettings.builder().maxStaleness(null).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("staleness must be positive");
        assertThatThrownBy(() -> NearCacheSettings.builder().heartbeatInterval(Duration.ZERO).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("heartbeat interval must be");
        assertThatThrownBy(() -> NearCacheSettings.builder().heartbeatTimeout(Duration.ofMillis(-1)).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("heartbeat timeout must be");
    }
}
