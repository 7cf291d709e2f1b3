package io.mpauthx.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreStatistics;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link FacadeMetrics} on a Micrometer {@link MeterRegistry}: the only class of the bootstrap that names Micrometer,
 * so that Micrometer stays an optional dependency. The meters and their tags are listed in docs/metrics.md; every
 * meter carries the instance's {@code sku}, so that two instances can share one registry.
 */
final class MicrometerMetrics implements FacadeMetrics {

    static final String CHECKS = "mpauthx.token.checks";
    static final String CHECK_LATENCY = "mpauthx.token.check.latency";
    /**
     * One check in this many is timed. A near-cache hit takes about half a microsecond, and reading the clock twice
     * and recording a timer cost a fifth of that (benchmark figure 11b); counting alone costs a few nanoseconds.
     * Latency percentiles need samples, not every call.
     */
    static final int CHECK_TIMING_ONE_IN = 32;
    static final String LOGINS = "mpauthx.logins";
    static final String REFRESHES = "mpauthx.token.refreshes";
    static final String WECHAT_CALLS = "mpauthx.wechat.calls";
    static final String NEAR_CACHE_GETS = "mpauthx.near.cache.gets";
    static final String CONNECTIONS = "mpauthx.token.store.connections";

    private final MeterRegistry registry;
    private final Tags skuTag;
    /** Resolved once, by result's ordinal: the hot path then records without a registry look-up. */
    private final Counter[] checks = new Counter[CheckResult.values().length];
    private final Timer[] checkLatencies = new Timer[CheckResult.values().length];

    private MicrometerMetrics(MeterRegistry registry, String sku) {
        this.registry = registry;
        this.skuTag = Tags.of("sku", sku);
        for (CheckResult result : CheckResult.values()) {
            checks[result.ordinal()] = Counter.builder(CHECKS).description("Token checks (isTokenValid), by result")
                    .tags(skuTag).tag("result", result.tag()).register(registry);
            checkLatencies[result.ordinal()] = Timer.builder(CHECK_LATENCY)
                    .description("Time of token checks, one in " + CHECK_TIMING_ONE_IN + " sampled, by result")
                    .tags(skuTag).tag("result", result.tag()).register(registry);
        }
    }

    /**
     * @param registry a {@code MeterRegistry}; typed {@code Object} by the configuration so that it loads without
     *     Micrometer
     * @param sku the instance's sku, a tag of every meter
     * @return metrics recording into the registry
     */
    static FacadeMetrics recordingInto(Object registry, String sku) {
        return new MicrometerMetrics((MeterRegistry) registry, sku);
    }

    @Override
    public long start() {
        return System.nanoTime();
    }

    @Override
    public long startCheck() {
        return ThreadLocalRandom.current().nextInt(CHECK_TIMING_ONE_IN) == 0 ? System.nanoTime() : NOT_TIMED;
    }

    @Override
    public void checked(CheckResult result, long startNanos) {
        checks[result.ordinal()].increment();
        if (startNanos != NOT_TIMED) {
            checkLatencies[result.ordinal()].record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void loggedIn(int statusCode, long startNanos) {
        timed(LOGINS, "Logins (authorize), by status code", Tags.of("status", Integer.toString(statusCode)),
                startNanos);
    }

    @Override
    public void refreshed(int statusCode, long startNanos) {
        timed(REFRESHES, "Token refreshes (refreshToken), by status code",
                Tags.of("status", Integer.toString(statusCode)), startNanos);
    }

    @Override
    public void weChatCalled(String endpoint, String errcode, long startNanos) {
        timed(WECHAT_CALLS, "Calls of WeChat's server API, by endpoint and errcode",
                Tags.of("endpoint", endpoint, "errcode", errcode), startNanos);
    }

    private void timed(String name, String description, Tags tags, long startNanos) {
        Timer.builder(name).description(description).tags(skuTag).tags(tags).register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void watch(TokenStore store) {
        if (!(store instanceof TokenStoreStatistics statistics)) {
            return;
        }
        Gauge.builder(CONNECTIONS, statistics, TokenStoreStatistics::openConnections)
                .description("Connections of the token store to its server that are open").tags(skuTag)
                .register(registry);
        if (!statistics.hasNearCache()) {
            return;
        }
        FunctionCounter.builder(NEAR_CACHE_GETS, statistics, TokenStoreStatistics::nearCacheHits)
                .description("Token checks answered by the near cache").tags(skuTag).tag("result", "hit")
                .register(registry);
        FunctionCounter.builder(NEAR_CACHE_GETS, statistics, TokenStoreStatistics::nearCacheMisses)
                .description("Token checks the near cache passed to Redis").tags(skuTag).tag("result", "miss")
                .register(registry);
    }

    @Override
    public boolean records() {
        return true;
    }
}
