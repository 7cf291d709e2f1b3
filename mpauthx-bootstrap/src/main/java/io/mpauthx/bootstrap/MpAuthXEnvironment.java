package io.mpauthx.bootstrap;

import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * The environment variables {@link MpAuthXBuilder#fromEnvironment()} reads: the original's names for app id,
 * secret and Redis password, and this project's own for everything else.
 */
public final class MpAuthXEnvironment {

    /** Environment variable of the app id (the original's name). */
    public static final String ENV_APP_ID = "MPAUTHX_APPID";
    /** Environment variable of the app secret (the original's name). */
    public static final String ENV_APP_SECRET = "MPAUTHX_APPSECRET";
    /** Environment variable of the sku. */
    public static final String ENV_SKU = "MPAUTHX_SKU";
    /** Environment variable of the token lifetime in seconds, from 1 to 3,153,600,000 (36,500 days). */
    public static final String ENV_TOKEN_TTL_SECONDS = "MPAUTHX_TOKEN_TTL_SECONDS";
    /** Environment variable of the device cap, from 1 to 2,147,483,647. */
    public static final String ENV_MAX_TOKENS_PER_USER = "MPAUTHX_MAX_TOKENS_PER_USER";
    /** Environment variable of the SQLite user database file; see {@link MpAuthXBuilder#sqlite(Path)}. */
    public static final String ENV_SQLITE_PATH = "MPAUTHX_SQLITE_PATH";
    /**
     * Environment variable of the Redis URI, {@code redis-sentinel://...#primary} for Sentinel; choosing it makes
     * Redis the token store.
     */
    public static final String ENV_REDIS_URI = "MPAUTHX_REDIS_URI";
    /**
     * Environment variable of a Redis Cluster's seed URIs, separated by commas; see
     * {@link MpAuthXBuilder#redisCluster(String...)}. Read after {@link #ENV_REDIS_URI}, so it wins when both are set.
     */
    public static final String ENV_REDIS_CLUSTER_URIS = "MPAUTHX_REDIS_CLUSTER_URIS";
    /**
     * Environment variable of the PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/database}); choosing it
     * makes PostgreSQL the user store, with {@link #ENV_POSTGRES_USER} and {@link #ENV_POSTGRES_PASSWORD}.
     */
    public static final String ENV_POSTGRES_URL = "MPAUTHX_POSTGRES_URL";
    /** Environment variable of the PostgreSQL user. */
    public static final String ENV_POSTGRES_USER = "MPAUTHX_POSTGRES_USER";
    /** Environment variable of the PostgreSQL password; never shown. */
    public static final String ENV_POSTGRES_PASSWORD = "MPAUTHX_POSTGRES_PASSWORD";
    /** Environment variable of the PostgreSQL schema of mpauthx's tables; default {@code public}. */
    public static final String ENV_POSTGRES_SCHEMA = "MPAUTHX_POSTGRES_SCHEMA";
    /**
     * Environment variable choosing the token store by name: {@code postgres} keeps tokens in the PostgreSQL
     * database of {@link #ENV_POSTGRES_URL} (see {@link MpAuthXBuilder#postgresTokenStore()}), {@code redis} in
     * {@link #ENV_REDIS_URI} (the default when that is set), {@code memory} in this process.
     */
    public static final String ENV_TOKEN_STORE = "MPAUTHX_TOKEN_STORE";
    /** Environment variable of the Redis password (the original's name). */
    public static final String ENV_REDIS_PASSWORD = "MPAUTHX_REDISPASS";
    /** Environment variable of the Redis command timeout in milliseconds, at least 1. */
    public static final String ENV_REDIS_COMMAND_TIMEOUT_MILLIS = "MPAUTHX_REDIS_COMMAND_TIMEOUT_MILLIS";

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final long MAX_TOKEN_TTL_SECONDS = AuthSettings.MAX_TOKEN_TTL.toSeconds();

    private MpAuthXEnvironment() {
    }

    static void apply(Map<String, String> environment, MpAuthXBuilder builder) {
        List<String> problems = new ArrayList<>();
        ifPresent(environment, ENV_APP_ID, builder::appId);
        ifPresent(environment, ENV_APP_SECRET, builder::appSecret);
        ifPresent(environment, ENV_SKU, builder::sku);
        ifWholeNumber(environment, ENV_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS, problems,
                seconds -> builder.tokenTtl(Duration.ofSeconds(seconds)));
        ifWholeNumber(environment, ENV_MAX_TOKENS_PER_USER, Integer.MAX_VALUE, problems,
                devices -> builder.maxTokensPerUser(Math.toIntExact(devices)));
        ifPresent(environment, ENV_SQLITE_PATH, value -> path(value, problems).ifPresent(builder::sqlite));
        ifPresent(environment, ENV_POSTGRES_URL, url -> builder.postgres(url, environment.get(ENV_POSTGRES_USER),
                environment.get(ENV_POSTGRES_PASSWORD)));
        ifPresent(environment, ENV_POSTGRES_SCHEMA, builder::postgresSchema);
        ifPresent(environment, ENV_REDIS_URI, builder::redis);
        ifPresent(environment, ENV_REDIS_CLUSTER_URIS, value -> builder.redisCluster(value.split("\\s*,\\s*")));
        ifPresent(environment, ENV_REDIS_PASSWORD, builder::redisPassword);
        ifWholeNumber(environment, ENV_REDIS_COMMAND_TIMEOUT_MILLIS, Long.MAX_VALUE, problems,
                millis -> builder.redisCommandTimeout(Duration.ofMillis(millis)));
        ifPresent(environment, ENV_TOKEN_STORE, name -> tokenStore(name, environment, builder, problems));
        if (!problems.isEmpty()) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR,
                    "invalid MpAuthX environment: " + String.join("; ", problems));
        }
    }

    private static void ifPresent(Map<String, String> environment, String name, Consumer<String> setter) {
        String value = environment.get(name);
        if (value != null && !value.isBlank()) {
            setter.accept(value.strip());
        }
    }

    private static void ifWholeNumber(Map<String, String> environment, String name, long max, List<String> problems,
                                      LongConsumer setter) {
        ifPresent(environment, name, value -> wholeNumber(name, value, max, problems).ifPresent(setter));
    }

    /**
     * Digits only, from 1 to {@code max}; a cast would wrap {@code 4294967297} devices to 1. The problem names the
     * variable, never its value, which may be a secret set in the wrong variable.
     */
    private static OptionalLong wholeNumber(String name, String value, long max, List<String> problems) {
        if (DIGITS.matcher(value).matches()) {
            try {
                long number = Long.parseLong(value);
                if (number >= 1 && number <= max) {
                    return OptionalLong.of(number);
                }
            } catch (NumberFormatException beyondLong) {
                // reported below, as any other number out of range
            }
        }
        String range = max == Long.MAX_VALUE ? "of at least 1" : "from 1 to " + max;
        problems.add(name + " must be a whole number " + range);
        return OptionalLong.empty();
    }

    /** Read last, so that it wins over the store {@link #ENV_REDIS_URI} chose. */
    private static void tokenStore(String name, Map<String, String> environment, MpAuthXBuilder builder,
                                   List<String> problems) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "postgres", "postgresql" -> builder.postgresTokenStore();
            case "memory" -> builder.inMemoryTokenStore();
            case "redis" -> {
                if (environment.get(ENV_REDIS_URI) == null && environment.get(ENV_REDIS_CLUSTER_URIS) == null) {
                    problems.add(ENV_TOKEN_STORE + "=redis needs " + ENV_REDIS_URI + " or " + ENV_REDIS_CLUSTER_URIS);
                }
            }
            default -> problems.add(ENV_TOKEN_STORE + " must be postgres, redis or memory");
        }
    }

    private static Optional<Path> path(String value, List<String> problems) {
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException notAPath) {
            problems.add(ENV_SQLITE_PATH + " is not a file path: " + notAPath.getReason());
            return Optional.empty();
        }
    }
}
