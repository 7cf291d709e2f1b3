package io.mpauthx.benchmarks;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.server.MpAuthXServer;
import io.mpauthx.server.ServerSettings;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Figures 10a–10d: token checks over HTTP through {@code mpauthx serve} ({@code POST introspect} and nginx's
 * {@code GET auth}), 64 keep-alive connections, next to the same server's bare route ({@code GET /healthz}: no key,
 * no store, a constant answer) driven the same way in the same run; then each check's p99 at half of its own
 * maximum throughput, next to the bare route's p99 at that rate. Every route is warmed up first, and each check
 * is measured right after its reference. The service runs with its defaults (near cache on) in this JVM, on the
 * same cores as the driver.
 */
final class ServerFigures {

    private static final String KEY = "benchmark-service-key-0123456789";
    private static final String CALLS = "calls/s";
    private static final String MICROS = "us";

    private final LocalRedisServer redis;
    private final Plan plan;
    private final Report report;

    ServerFigures(LocalRedisServer redis, Plan plan, Report report) {
        this.redis = redis;
        this.plan = plan;
        this.report = report;
    }

    /**
     * The counted window, never under one second: 64 connections opened on a loaded machine may see no answer at
     * all in a smoke run's 200 ms, and a figure of zero says nothing about the service.
     */
    private Duration measure() {
        Duration atLeast = Duration.ofSeconds(1);
        return plan.measure().compareTo(atLeast) < 0 ? atLeast : plan.measure();
    }

    void run() {
        LiveTokens tokens = LiveTokens.issue(redis.uri(), 1_000);
        MpAuthX app = MpAuthX.builder().appId("wx-benchmark").appSecret("benchmark-secret").sku(LiveTokens.SKU)
                .tokenTtl(LiveTokens.TTL).redis(redis.uri()).inMemoryUserRepository().build();
        try (MpAuthXServer server = MpAuthXServer.start(ServerSettings.builder().port(0).serviceKey(KEY).build(),
                Map.of(LiveTokens.SKU, app))) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.port());
            HttpLoad bare = new HttpLoad(target, Plan.MANY_CALLERS, request("GET /healthz HTTP/1.1\r\n"), 200, "up");
            HttpLoad introspect = new HttpLoad(target, Plan.MANY_CALLERS, number -> introspection(tokens.get(number
                    % 1_000)), 200, "\"active\":true");
            HttpLoad auth = new HttpLoad(target, Plan.MANY_CALLERS, number -> gatewayCheck(tokens.get(number % 1_000)),
                    204, "");
            for (HttpLoad route : new HttpLoad[] {bare, introspect, auth}) {
                route.saturate(plan.warmup(), plan.warmup());
            }
            // each check right after its own reference run, so that both meet the same moments of a shared machine
            HttpLoad.Result bareBeforeIntrospect = bare.saturate(plan.warmup(), measure());
            HttpLoad.Result introspectMax = introspect.saturate(plan.warmup(), measure());
            HttpLoad.Result bareBeforeAuth = bare.saturate(plan.warmup(), measure());
            HttpLoad.Result authMax = auth.saturate(plan.warmup(), measure());
            String reference = "GET /healthz, same server and driver";
            report.add(Figure.measured("10a", "POST introspect over HTTP, 64 connections",
                    introspectMax.callsPerSecond(), CALLS, reference, bareBeforeIntrospect.callsPerSecond(),
                    Goal.ratioAtLeast(0.7)));
            report.add(Figure.measured("10b", "GET auth (nginx auth_request) over HTTP, 64 connections",
                    authMax.callsPerSecond(), CALLS, reference, bareBeforeAuth.callsPerSecond(), Goal.ratioAtLeast(0.7)));
            latencyAtHalf("10c", "POST introspect p99 at half its maximum", introspect, bare,
                    introspectMax.callsPerSecond() / 2);
            latencyAtHalf("10d", "GET auth p99 at half its maximum", auth, bare, authMax.callsPerSecond() / 2);
        }
    }

    private void latencyAtHalf(String id, String title, HttpLoad check, HttpLoad bare, double rate) {
        double checkP99 = check.atRate(rate, plan.warmup(), measure()).latencies().percentileMicros(0.99);
        double bareP99 = bare.atRate(rate, plan.warmup(), measure()).latencies().percentileMicros(0.99);
        report.add(Figure.measured(id, title + " (" + Figure.format(rate) + " calls/s)", checkP99, MICROS,
                "GET /healthz p99 at the same rate", bareP99, Goal.valueAtMost(2_000, MICROS)));
    }

    private static IntFunction<byte[]> request(String requestLine) {
        byte[] bytes = (requestLine + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return number -> bytes;
    }

    private static byte[] introspection(String token) {
        String body = "{\"token\":\"" + token + "\"}";
        return ("POST /v1/apps/" + LiveTokens.SKU + "/introspect HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] gatewayCheck(String token) {
        return ("GET /v1/apps/" + LiveTokens.SKU + "/auth HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nX-MpAuthX-Key: " + KEY + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
