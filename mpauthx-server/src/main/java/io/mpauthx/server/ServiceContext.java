package io.mpauthx.server;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * What every connection's handler shares: the apps by sku, the keys, the blocking pool, the drain and the static
 * answers.
 *
 * @param apps the routes of each app, by sku
 * @param keys the accepted service keys
 * @param blocking the pool blocking library calls run on
 * @param drain counts calls in flight, for a graceful shutdown
 * @param readiness probes the stores for {@code /readyz}
 * @param metrics counts requests for {@code /metrics}
 * @param openApi the API description served at {@code /openapi.json}
 */
record ServiceContext(Map<String, AppRoutes> apps, ServiceKeys keys, ExecutorService blocking, Drain drain,
                      Readiness readiness, RequestMetrics metrics, byte[] openApi) {

    ServiceContext {
        apps = Map.copyOf(apps);
    }
}
