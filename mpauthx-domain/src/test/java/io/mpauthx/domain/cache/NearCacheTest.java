package io.mpauthx.domain.cache;

import io.mpauthx.domain.testing.Concurrently;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The near cache's rules without a server: what may be served, for how long, and how much is kept. */
class NearCacheTest {

    private static final Duration STALENESS = Duration.ofSeconds(30);
    private static final Duration CONFIRMATION = Duration.ofHours(1);
    private static final long LONG_LIFE = Duration.ofDays(1).toMillis();

    private final AtomicLong now = new AtomicLong(1_000);

    private NearCache trackingCache(int maxOwners) {
        return trackingCache(maxOwners, CONFIRMATION);
    }

    private NearCache trackingCache(int maxOwners, Duration confirmationBound) {
        NearCache cache = new NearCache(maxOwners, STALENESS, confirmationBound, now::get);
        assertThat(cache.trackingEnabled(cache.untrackedEpoch(), now.get())).isTrue();
        return cache;
    }

    private static void cacheLive(NearCache cache, String owner, String hash, long remainingMillis) {
        cache.readCompleted(cache.readStarting(owner), hash, remainingMillis);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aLiveAnswerIsServedUntilTheTokenWouldExpireCountedFromWhenTheReadWasSent() {
        NearCache cache = trackingCache(10);
        NearCache.Ticket ticket = cache.readStarting("owner");
        advance(Duration.ofMillis(40));
        cache.readCompleted(ticket, "h", 100);

        advance(Duration.ofMillis(59));
        assertThat(cache.isKnownLive("owner", "h")).isTrue();
        advance(Duration.ofMillis(1));
        assertThat(cache.isKnownLive("owner", "h")).as("100 ms after the read was sent").isFalse();
    }

    @Test
    void aLiveAnswerIsServedNoLongerThanTheMaximumStaleness() {
        NearCache cache = trackingCache(10);
        cacheLive(cache, "owner", "long", LONG_LIFE);

        now.addAndGet(STALENESS.toNanos() - 1);
        assertThat(cache.isKnownLive("owner", "long")).isTrue();
        now.incrementAndGet();
        assertThat(cache.isKnownLive("owner", "long")).isFalse();
    }

    @Test
    void answersAreKeptPerTokenAndOnlyTheTokenAskedAboutIsKnown() {
        NearCache cache = trackingCache(10);
        cacheLive(cache, "owner", "first", LONG_LIFE);
        cacheLive(cache, "owner", "second", LONG_LIFE);

        assertThat(cache.isKnownLive("owner", "first")).isTrue();
        assertThat(cache.isKnownLive("owner", "second")).isTrue();
        assertThat(cache.isKnownLive("owner", "third")).isFalse();
        assertThat(cache.isKnownLive("another", "first")).isFalse();
        assertThat(cache.size()).as("one slot per owner").isEqualTo(1);
    }

    @Test
    void anInvalidationOfTheOwnersKeyVoidsEveryAnswerAboutTheOwnerAndReadsInFlight() {
        NearCache cache = trackingCache(10);
        cacheLive(cache, "owner", "cached", LONG_LIFE);
        cacheLive(cache, "bystander", "cached", LONG_LIFE);
        NearCache.Ticket inFlight = cache.readStarting("owner");

        cache.invalidate("owner");
        cache.readCompleted(inFlight, "in-flight", LONG_LIFE);

        assertThat(cache.isKnownLive("owner", "cached")).isFalse();
        assertThat(cache.isKnownLive("owner", "in-flight")).as("read before the change, answered after it").isFalse();
        assertThat(cache.isKnownLive("bystander", "cached")).isTrue();
    }

    @Test
    void aReadThatFoundNothingLeavesNoSlotBehind() {
        NearCache cache = trackingCache(10);
        cache.readAbandoned(cache.readStarting("owner"));
        assertThat(cache.size()).isZero();
        assertThat(cache.reservedSlots()).isZero();
    }

    @Test
    void afterTrackingIsLostNothingIsServedNotEvenAnAnswerThatLandsAfterTheClear() {
        NearCache cache = trackingCache(10);
        cacheLive(cache, "cached", "h", LONG_LIFE);
        NearCache.Ticket before = cache.readStarting("late");

        cache.trackingLost();
        cache.readCompleted(before, "h", LONG_LIFE);

        assertThat(cache.isKnownLive("cached", "h")).isFalse();
        assertThat(cache.isKnownLive("late", "h")).isFalse();
        assertThat(cache.readStarting("any")).as("nothing is cached while tracking is off").isNull();
    }

    @Test
    void trackingConfirmedForAnEarlierConnectionDoesNotCount() {
        NearCache cache = trackingCache(10);
        cache.trackingLost();
        long askedDuring = cache.untrackedEpoch();
        cache.trackingLost();

        assertThat(cache.trackingEnabled(askedDuring, now.get())).isFalse();
        assertThat(cache.isTracking()).isFalse();
        assertThat(cache.trackingEnabled(cache.untrackedEpoch(), now.get())).isTrue();
        cacheLive(cache, "owner", "h", LONG_LIFE);
        assertThat(cache.isKnownLive("owner", "h")).isTrue();
    }

    @Test
    void nothingIsServedOnceTheLastConfirmationIsOlderThanTheBound() {
        Duration bound = Duration.ofMillis(750);
        NearCache cache = trackingCache(10, bound);
        cacheLive(cache, "owner", "h", LONG_LIFE);

        advance(bound.minusNanos(1));
        assertThat(cache.isKnownLive("owner", "h")).isTrue();
        assertThat(cache.isUnconfirmed()).isFalse();
        advance(Duration.ofNanos(1));
        assertThat(cache.isUnconfirmed()).isTrue();
        assertThat(cache.isKnownLive("owner", "h")).as("the link may have died silently").isFalse();

        cache.confirmed(now.get());
        assertThat(cache.isKnownLive("owner", "h")).as("a heartbeat sent now proves every invalidation arrived")
                .isTrue();
    }

    @Test
    void anOlderConfirmationNeverShortensTheTrust() {
        Duration bound = Duration.ofMillis(750);
        NearCache cache = trackingCache(10, bound);
        long early = now.get();
        advance(Duration.ofMillis(500));
        cache.confirmed(now.get());
        cache.confirmed(early);

        advance(Duration.ofMillis(700));
        assertThat(cache.isUnconfirmed()).isFalse();
    }

    @Test
    void aMillionDistinctOwnersNeverGrowTheCachePastItsBound() {
        int bound = 10_000;
        NearCache cache = trackingCache(bound);
        int largest = 0;
        for (int i = 0; i < 1_000_000; i++) {
            cacheLive(cache, "mpauthx:{shop:o" + i + "}", "h", LONG_LIFE);
            largest = Math.max(largest, cache.size());
        }
        assertThat(largest).isEqualTo(bound);
        assertThat(cache.isKnownLive("mpauthx:{shop:o999999}", "h")).isTrue();
    }

    @Test
    void concurrentReadsAndInvalidationsKeepTheBound() throws Exception {
        int bound = 1_000;
        NearCache cache = trackingCache(bound);

        List<Integer> largest = Concurrently.run(8, thread -> {
            int seen = 0;
            for (int i = 0; i < 50_000; i++) {
                String owner = "o" + (i * 8 + thread);
                cacheLive(cache, owner, "h", LONG_LIFE);
                if (i % 7 == 0) {
                    cache.invalidate(owner);
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
            cacheLive(cache, "again" + i, "h", LONG_LIFE);
        }
        assertThat(cache.size()).as("the slot count returned to zero with the map").isEqualTo(bound);
    }
}
