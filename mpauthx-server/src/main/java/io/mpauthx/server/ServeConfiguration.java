package io.mpauthx.server;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.bootstrap.MpAuthXEnvironment;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.StatusCode;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@code mpauthx serve} runs: the server settings and, by sku, how to build each app. Read from the
 * environment alone for one app ({@link #fromEnvironment(Map)}) or from a properties file for several
 * ({@link #fromFile(Path, Map)}, format in docs/server.md). Secrets come from environment variables or files,
 * never from the configuration's own text.
 */
public final class ServeConfiguration {

    /** A properties file listing several apps; when set, the other variables below are not read. */
    public static final String ENV_CONFIG = "MPAUTHX_SERVE_CONFIG";
    /** The port, default {@value ServerSettings#DEFAULT_PORT}. */
    public static final String ENV_PORT = "MPAUTHX_SERVE_PORT";
    /** The address listened on, default {@value ServerSettings#DEFAULT_BIND}. */
    public static final String ENV_BIND = "MPAUTHX_SERVE_BIND";
    /** The service keys, separated by commas; required unless {@link #ENV_KEYS_FILE} is set. */
    public static final String ENV_KEYS = "MPAUTHX_SERVE_KEYS";
    /** A file of service keys, one a line. */
    public static final String ENV_KEYS_FILE = "MPAUTHX_SERVE_KEYS_FILE";
    /** The largest request body in bytes, default {@value ServerSettings#DEFAULT_MAX_BODY_BYTES}. */
    public static final String ENV_MAX_BODY_BYTES = "MPAUTHX_SERVE_MAX_BODY_BYTES";
    /** PEM certificate chain; with {@link #ENV_TLS_KEY} the service speaks HTTPS. */
    public static final String ENV_TLS_CERTIFICATE = "MPAUTHX_SERVE_TLS_CERT";
    /** PEM (PKCS#8) private key of {@link #ENV_TLS_CERTIFICATE}. */
    public static final String ENV_TLS_KEY = "MPAUTHX_SERVE_TLS_KEY";
    /**
     * {@code false} turns off the near cache of token checks, on by default with a single Redis server; {@code true}
     * asks for it (refused on Cluster and Sentinel).
     */
    public static final String ENV_NEAR_CACHE = "MPAUTHX_SERVE_NEAR_CACHE";
    /** WeChat's API address, default WeChat's own; for proxies and tests. */
    public static final String ENV_WECHAT_API_BASE_URL = "MPAUTHX_WECHAT_API_BASE_URL";

    private final ServerSettings settings;
    private final Map<String, Supplier<MpAuthXBuilder>> apps;

    ServeConfiguration(ServerSettings settings, Map<String, Supplier<MpAuthXBuilder>> apps) {
        this.settings = settings;
        this.apps = new LinkedHashMap<>(apps);
    }

    /**
     * One app from the variables {@link MpAuthXEnvironment} lists plus this class's; or, when {@link #ENV_CONFIG}
     * names a file, that file.
     *
     * @param environment variable names to values
     * @return the configuration
     * @throws MpAuthXException 6001 naming every missing or invalid setting (never showing a value)
     */
    public static ServeConfiguration fromEnvironment(Map<String, String> environment) {
        String file = environment.get(ENV_CONFIG);
        if (file != null && !file.isBlank()) {
            return fromFile(Path.of(file.strip()), environment);
        }
        Settings values = Settings.ofEnvironment(environment);
        ServerSettings.Builder server = ServerSettings.builder();
        values.ifPresent(ENV_BIND, server::bind);
        values.ifPresent(ENV_PORT, value -> server.port(values.number(ENV_PORT, value)));
        values.ifPresent(ENV_MAX_BODY_BYTES, value -> server.maxBodyBytes(values.number(ENV_MAX_BODY_BYTES, value)));
        values.keys(ENV_KEYS, values.get(ENV_KEYS), ENV_KEYS_FILE).forEach(server::serviceKey);
        values.ifPresent(ENV_TLS_CERTIFICATE, certificate -> server.tls(Path.of(certificate),
                Path.of(values.required(ENV_TLS_KEY))));
        String sku = values.required(MpAuthXEnvironment.ENV_SKU);
        Optional<Boolean> nearCache = values.flag(ENV_NEAR_CACHE);
        ServerSettings settings = values.checked(server);
        return new ServeConfiguration(settings, Map.of(sku, () -> {
            MpAuthXBuilder builder = MpAuthX.builder().fromEnvironment(environment);
            values.ifPresent(ENV_WECHAT_API_BASE_URL, url -> builder.weChatApiBaseUrl(URI.create(url)));
            nearCache.ifPresent(on -> builder.nearCache(on ? NearCacheSettings.defaults() : NearCacheSettings.disabled()));
            return builder;
        }));
    }

    /**
     * Several apps over one token store and one user store, from a properties file.
     *
     * @param file the properties file
     * @param environment where {@code *.env} settings find their secrets
     * @return the configuration
     * @throws MpAuthXException 6001 naming every missing, unknown or invalid setting (never showing a secret)
     */
    public static ServeConfiguration fromFile(Path file, Map<String, String> environment) {
        return ServeFile.read(file, environment);
    }

    /** @return the server settings */
    public ServerSettings settings() {
        return settings;
    }

    /** @return the skus of the apps served, in the configuration's order */
    public Set<String> skus() {
        return apps.keySet();
    }

    /**
     * Opens every app's stores and starts listening.
     *
     * @return the running server
     * @throws MpAuthXException 6001 for an invalid app setting, 6000 when a store cannot be opened; apps opened
     *     before the failure are closed again
     */
    public MpAuthXServer start() {
        Map<String, MpAuthX> opened = new LinkedHashMap<>();
        try {
            apps.forEach((sku, builder) -> opened.put(sku, builder.get().sku(sku).build()));
            return MpAuthXServer.start(settings, opened);
        } catch (RuntimeException failure) {
            opened.values().forEach(MpAuthX::close);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "ServeConfiguration[" + settings + ", apps=" + apps.keySet() + "]";
    }

    static MpAuthXException invalid(String problem) {
        return new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, problem);
    }
}
