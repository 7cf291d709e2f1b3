package io.mpauthx.server;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.domain.NearCacheSettings;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The properties file of several apps: {@code serve.*} for the server, {@code redis.*} and {@code sqlite.path} or
 * {@code postgres.*} for the stores every app shares, {@code apps} listing the skus and {@code app.<sku>.*} for each.
 * An unknown name is refused, so a typo does not silently fall back to a default.
 */
final class ServeFile {

    private static final Set<String> SHARED_NAMES = Set.of("serve.bind", "serve.port", "serve.keys.env",
            "serve.keys.file", "serve.max-body-bytes", "serve.tls.certificate", "serve.tls.private-key",
            "redis.uri", "redis.cluster", "redis.password", "redis.password.env", "redis.password.file",
            "redis.near-cache", "sqlite.path", "postgres.url", "postgres.user", "postgres.password",
            "postgres.password.env", "postgres.password.file", "postgres.schema", "wechat.api-base-url", "apps");
    private static final Set<String> APP_NAMES = Set.of("appid", "secret", "secret.env", "secret.file",
            "token-ttl-seconds", "max-tokens-per-user");
    private static final Pattern APP_SETTING = Pattern.compile("app\\.([A-Za-z0-9_-]{1,64})\\.(.+)");

    private ServeFile() {
    }

    static ServeConfiguration read(Path file, Map<String, String> environment) {
        Map<String, String> values = load(file);
        Settings settings = new Settings(values, environment);
        List<String> skus = settings.get("apps").stream()
                .flatMap(list -> Arrays.stream(list.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (skus.isEmpty()) {
            settings.problem("apps must list the sku of at least one app");
        }
        values.keySet().forEach(name -> checkName(name, skus, settings));
        ServerSettings.Builder server = server(settings, environment);
        SharedStores stores = new SharedStores(settings);
        Map<String, Supplier<MpAuthXBuilder>> apps = new LinkedHashMap<>();
        for (String sku : skus) {
            String appId = settings.required("app." + sku + ".appid");
            String secret = settings.secret("app." + sku + ".secret", true).orElse("");
            Optional<Integer> ttl = settings.get("app." + sku + ".token-ttl-seconds")
                    .map(value -> settings.number("app." + sku + ".token-ttl-seconds", value));
            Optional<Integer> devices = settings.get("app." + sku + ".max-tokens-per-user")
                    .map(value -> settings.number("app." + sku + ".max-tokens-per-user", value));
            apps.put(sku, () -> {
                MpAuthXBuilder builder = stores.applyTo(MpAuthX.builder().appId(appId).appSecret(secret));
                ttl.ifPresent(seconds -> builder.tokenTtl(Duration.ofSeconds(seconds)));
                devices.ifPresent(builder::maxTokensPerUser);
                return builder;
            });
        }
        return new ServeConfiguration(settings.checked(server), apps);
    }

    private static ServerSettings.Builder server(Settings settings, Map<String, String> environment) {
        ServerSettings.Builder server = ServerSettings.builder();
        settings.ifPresent("serve.bind", server::bind);
        settings.ifPresent("serve.port", value -> server.port(settings.number("serve.port", value)));
        settings.ifPresent("serve.max-body-bytes",
                value -> server.maxBodyBytes(settings.number("serve.max-body-bytes", value)));
        Optional<String> keyList = settings.get("serve.keys.env").map(variable -> environment.getOrDefault(variable, ""));
        settings.keys("serve.keys.env", keyList, "serve.keys.file").forEach(server::serviceKey);
        settings.ifPresent("serve.tls.certificate", certificate -> server.tls(Path.of(certificate),
                Path.of(settings.required("serve.tls.private-key"))));
        return server;
    }

    private static void checkName(String name, List<String> skus, Settings settings) {
        var app = APP_SETTING.matcher(name);
        boolean known = SHARED_NAMES.contains(name)
                || app.matches() && skus.contains(app.group(1)) && APP_NAMES.contains(app.group(2));
        if (!known) {
            settings.problem("unknown setting " + name);
        }
    }

    private static Map<String, String> load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | RuntimeException unreadable) {
            throw ServeConfiguration.invalid("cannot read the mpauthx serve configuration " + file + ": "
                    + unreadable.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** The token store and user store every app of the file shares, and WeChat's address. */
    private static final class SharedStores {

        private final Optional<String> redisUri;
        private final Optional<String> redisCluster;
        private final Optional<String> redisPassword;
        private final Optional<Boolean> nearCache;
        private final Optional<String> sqlitePath;
        private final Optional<String> postgresUrl;
        private final Optional<String> postgresUser;
        private final Optional<String> postgresPassword;
        private final Optional<String> postgresSchema;
        private final Optional<String> weChat;

        SharedStores(Settings settings) {
            redisUri = settings.get("redis.uri");
            redisCluster = settings.get("redis.cluster");
            redisPassword = settings.secret("redis.password", false);
            nearCache = settings.flag("redis.near-cache");
            sqlitePath = settings.get("sqlite.path");
            postgresUrl = settings.get("postgres.url");
            postgresUser = settings.get("postgres.user");
            postgresPassword = settings.secret("postgres.password", false);
            postgresSchema = settings.get("postgres.schema");
            weChat = settings.get("wechat.api-base-url");
            if (redisUri.isPresent() == redisCluster.isPresent()) {
                settings.problem("exactly one of redis.uri and redis.cluster is required");
            }
            if (sqlitePath.isPresent() == postgresUrl.isPresent()) {
                settings.problem("exactly one of sqlite.path and postgres.url is required");
            }
        }

        MpAuthXBuilder applyTo(MpAuthXBuilder builder) {
            redisUri.ifPresent(builder::redis);
            redisCluster.ifPresent(seeds -> builder.redisCluster(seeds.split("\\s*,\\s*")));
            redisPassword.ifPresent(builder::redisPassword);
            nearCache.ifPresent(on -> builder.nearCache(on ? NearCacheSettings.defaults() : NearCacheSettings.disabled()));
            sqlitePath.ifPresent(path -> builder.sqlite(Path.of(path)));
            postgresUrl.ifPresent(url -> builder.postgres(url, postgresUser.orElse(null),
                    postgresPassword.orElse(null)));
            postgresSchema.ifPresent(builder::postgresSchema);
            weChat.ifPresent(url -> builder.weChatApiBaseUrl(URI.create(url)));
            return builder;
        }
    }
}
