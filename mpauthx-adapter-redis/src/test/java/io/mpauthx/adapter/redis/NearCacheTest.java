package io.mpauthx.adapter.redis;

import io.mpauthx.domain.testing.Concurrently;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The near cache's rules without Redis: what may be served, for how long, and how much is kept. */
class NearCacheTest {

    private static final Duration STALENESS = Duration.ofSeconds(30);
    private static final long NO_EXPIRY = -1;

    private final AtomicLong now = new AtomicLong(1_000);

    private NearCache trackingCache(int maxEntries) {
        NearCache cache = new NearCache(maxEntries, STALENESS, now::get);
        assertThat(cache.trackingEnabled(cache.untrackedEpoch())).isTrue();
        return cache;
    }

    private static void cacheLive(NearCache cache, String key, long remainingMillis) {
        cache.readCompleted(key, cache.readStarting(key), remainingMillis);
    }

    @Test
    void aLiveAnswerIsServedUntilTheKeyWouldExpireCountedFromWhenTheReadWasSent() {
        NearCache cache = trackingCache(10);
        NearCache.Pending ticket = cache.readStarting("k");
        now.addAndGet(Duration.ofMillis(40).toNanos());
        cache.readCompleted("k", ticket, 100);

        now.addAndGet(Duration.ofMillis(59).toNanos());
        assertThat(cache.isKnownLive("k")).isTrue();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.isKnownLive("k")).as("100 ms after the read was sent").isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aLiveAnswerIsServedNoLongerThanTheMaximumStaleness() {
        NearCache cache = trackingCache(10);
        cacheLive(cache, "forever", NO_EXPIRY);
        cacheLive(cache, "long", Duration.ofHours(1).toMillis());

        now.addAndGet(STALENESS.toNanos() - 1);
        assertThat(cache.isKnownLive("forever")).isTrue();
        assertThat(cache.isKnownLive("long")).isTrue();
        now.incrementAndGet();
        assertThat(cache.isKnownLive("forever")).isFalse();
        assertThat(cache.isKnownLive("long")).isFalse();
    }

    @Test
    void anInvalidationVoidsTheAnswerAndAReadInFlight() {
        NearCache cache = trackingCache(10);
        cacheLive(cache, "cached", NO_EXPIRY);
        NearCache.Pending inFlight = cache.readStarting("in-flight");

        cache.invalidate("cached");
        cache.invalidate("in-flight");
        cache.readCompleted("in-flight", inFlight, NO_EXPIRY);

        assertThat(cache.isKnownLive("cached")).isFalse();
        assertThat(cache.isKnownLive("in-flight")).as("read before the change, answered after it").isFalse();
    }

    @Test
    void invalidatingAPrefixVoidsOnlyThoseKeys() {
        NearCache cache = trackingCache(10);
        cacheLive(cache, "mpauthx:{shop:oA}:t:1", NO_EXPIRY);
        cacheLive(cache, "mpauthx:{shop:oAB}:t:1", NO_EXPIRY);

        cache.invalidateAll("mpauthx:{shop:oA}:t:");

        assertThat(cache.isKnownLive("mpauthx:{shop:oA}:t:1")).isFalse();
        assertThat(cache.isKnownLive("mpauthx:{shop:oAB}:t:1")).isTrue();
    }

    @Test
    void afterTrackingIsLostNothingIsServedNotEvenAnAnswerThatLandsAfterTheClear() {
        NearCache cache = trackingCache(10);
        cacheLive(cache, "cached", NO_EXPIRY);
        NearCache.Pending before = cache.readStarting("late");

        cache.trackingLost();
        cache.readCompleted("late", before, NO_EXPIRY);
        cacheLive(cache, "untracked", NO_EXPIRY);

        assertThat(cache.isKnownLive("cached")).isFalse();
        assertThat(cache.isKnownLive("late")).isFalse();
        assertThat(cache.isKnownLive("untracked")).as("read while tracking is off").isFalse();
        assertThat(cache.readStarting("any")).isNull();
    }

    @Test
    void trackingConfirmedForAnEarlierConnectionDoesNotCount() {
        NearCache cache = trackingCache(10);
        cache.trackingLost();
        long askedDuring = cache.untrackedEpoch();
        cache.trackingLost();

        assertThat(cache.trackingEnabled(askedDuring)).isFalse();
        assertThat(cache.isTracking()).isFalse();
        assertThat(cache.trackingEnabled(cache.untrackedEpoch())).isTrue();
        cacheLive(cache, "k", NO_EXPIRY);
        assertThat(cache.isKnownLive("k")).isTrue();
    }

    @Test
    void aMillionDistinctKeysNeverGrowTheCachePastItsBound() {
        int bound = 10_000;
        NearCache cache = trackingCache(bound);
        int largest = 0;
        for (int i = 0; i < 1_000_000; i++) {
            cacheLive(cache, "mpauthx:{shop:o" + i + "}:t:abcdefghijklmnopqrstuv", NO_EXPIRY);
            largest = Math.max(largest, cache.size());
        }
        assertThat(largest).isEqualTo(bound);
        assertThat(cache.isKnownLive("mpauthx:{shop:o999999}:t:abcdefghijklmnopqrstuv")).isTrue();
    }

    @Test
    void concurrentReadsAndInvalidationsKeepTheBound() throws Exception {
        int bound = 1_000;
        NearCache cache = trackingCache(bound);

        List<Integer> largest = Concurrently.run(8, thread -> {
            int seen = 0;
            for (int i = 0; i < 50_000; i++) {
                String key = "k" + (i * 8 + thread);
                cacheLive(cache, key, NO_EXPIRY);
                if (i % 7 == 0) {
                    cache.invalidate(key);
                }
                seen = Math.max(seen, cache.reservedSlots());
            }
            return seen;
        });

        assertThat(largest).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(bound));
        assertThat(cache.size()).as("at rest the map holds exactly the reserved slots")
                .isEqualTo(cache.reservedSlots()).isLessThanOrEqualTo(bound);
        cache.invalidateAll();
        assertThat(cache.size()).isZero();
        for (int i = 0; i < bound; i++) {
            cacheLive(cache, "again" + i, NO_EXPIRY);
        }
        assertThat(cache.size()).as("the slot count returned to zero with the map").isEqualTo(bound);
    }
}
