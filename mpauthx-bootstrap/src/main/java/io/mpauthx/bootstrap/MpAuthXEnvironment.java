package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

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
    /** Environment variable of the token lifetime in seconds. */
    public static final String ENV_TOKEN_TTL_SECONDS = "MPAUTHX_TOKEN_TTL_SECONDS";
    /** Environment variable of the device cap. */
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
    /** Environment variable of the Redis password (the original's name). */
    public static final String ENV_REDIS_PASSWORD = "MPAUTHX_REDISPASS";
    /** Environment variable of the Redis command timeout in milliseconds. */
    public static final String ENV_REDIS_COMMAND_TIMEOUT_MILLIS = "MPAUTHX_REDIS_COMMAND_TIMEOUT_MILLIS";

    private MpAuthXEnvironment() {
    }

    static void apply(Map<String, String> environment, MpAuthXBuilder builder) {
        ifPresent(environment, ENV_APP_ID, builder::appId);
        ifPresent(environment, ENV_APP_SECRET, builder::appSecret);
        ifPresent(environment, ENV_SKU, builder::sku);
        ifPresent(environment, ENV_TOKEN_TTL_SECONDS,
                value -> builder.tokenTtl(Duration.ofSeconds(parseNumber(ENV_TOKEN_TTL_SECONDS, value))));
        ifPresent(environment, ENV_MAX_TOKENS_PER_USER,
                value -> builder.maxTokensPerUser((int) parseNumber(ENV_MAX_TOKENS_PER_USER, value)));
        ifPresent(environment, ENV_SQLITE_PATH, value -> builder.sqlite(parsePath(ENV_SQLITE_PATH, value)));
        ifPresent(environment, ENV_REDIS_URI, builder::redis);
        ifPresent(environment, ENV_REDIS_CLUSTER_URIS, value -> builder.redisCluster(value.split("\\s*,\\s*")));
        ifPresent(environment, ENV_REDIS_PASSWORD, builder::redisPassword);
        ifPresent(environment, ENV_REDIS_COMMAND_TIMEOUT_MILLIS, value -> builder.redisCommandTimeout(
                Duration.ofMillis(parseNumber(ENV_REDIS_COMMAND_TIMEOUT_MILLIS, value))));
    }

    private static void ifPresent(Map<String, String> environment, String name, Consumer<String> setter) {
        String value = environment.get(name);
        if (value != null && !value.isBlank()) {
            setter.accept(value.strip());
        }
    }

    private static long parseNumber(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, name + " must be a whole number");
        }
    }

    private static Path parsePath(String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException notAPath) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR,
                    name + " is not a file path: " + notAPath.getReason());
        }
    }
}
