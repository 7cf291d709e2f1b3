package io.mpauthx.server;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.MpAuthXException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /readyz}: every app's token store and user store answer. The probes are reads that find nothing: the check
 * of a well-formed token no one was given (a round trip to the token store) and the lookup of a user no one is.
 */
final class Readiness {

    private static final String PROBE_USER = "mpauthx-readiness-probe";
    private static final String PROBE_SECRET = "A".repeat(43);

    private final Map<String, MpAuthX> apps;

    Readiness(Map<String, MpAuthX> apps) {
        this.apps = new TreeMap<>(apps);
    }

    Reply probe() {
        List<String> failing = new ArrayList<>();
        apps.forEach((sku, app) -> {
            try {
                app.isTokenValid(PROBE_USER + "." + sku + "." + PROBE_SECRET);
            } catch (MpAuthXException failure) {
                failing.add(sku + ": token store: " + failure.reason());
            }
            try {
                app.findUser(PROBE_USER);
            } catch (MpAuthXException failure) {
                failing.add(sku + ": user store: " + failure.reason());
            }
        });
        if (failing.isEmpty()) {
            return Reply.json(200, "{\"status\":\"ready\"}");
        }
        return Reply.json(503, "{\"status\":\"unavailable\",\"failing\":["
                + String.join(",", failing.stream().map(Reply::quoted).toList()) + "]}");
    }
}
