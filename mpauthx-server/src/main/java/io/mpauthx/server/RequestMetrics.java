package io.mpauthx.server;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /metrics}: a timer of requests by route template and status, and the JVM's memory, threads and CPU, in
 * Prometheus's text format through Micrometer. Routes are templates, never raw paths, so a client cannot grow the
 * number of series.
 */
final class RequestMetrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Set<String> APP_ROUTES = Set.of("login", "introspect", "refresh", "revoke", "revoke-all");
    private static final Set<String> FIXED_ROUTES = Set.of("/healthz", "/readyz", "/metrics", "/openapi.json");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    RequestMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    void record(String route, int status, long nanos) {
        Timer.builder("mpauthx.server.requests")
                .description("HTTP requests answered by the mpauthx service")
                .tag("route", route).tag("status", Integer.toString(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    byte[] scrape() {
        return registry.scrape().getBytes(StandardCharsets.UTF_8);
    }

    /** @return the route template of a raw path, {@code other} for anything not served */
    static String routeOf(String path) {
        if (FIXED_ROUTES.contains(path)) {
            return path;
        }
        String[] segments = path.split("/", -1);
        if (segments.length >= 5 && path.startsWith("/v1/apps/")) {
            if (segments[4].equals("auth")) {
                return "/v1/apps/{sku}/auth";
            }
            if (segments.length == 5 && APP_ROUTES.contains(segments[4])) {
                return "/v1/apps/{sku}/" + segments[4];
            }
            if (segments[4].equals("users") && segments.length == 6) {
                return "/v1/apps/{sku}/users/{id}";
            }
            if (segments[4].equals("users") && segments.length == 7 && segments[6].equals("tokens")) {
                return "/v1/apps/{sku}/users/{id}/tokens";
            }
        }
        return "other";
    }
}
