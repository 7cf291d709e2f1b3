package io.mpauthx.spring;

import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.StatusCode;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Hands every {@code mpauthx.*} property that is set to the builder method of the same meaning; what is unset keeps
 * the builder's default. Checking is the builder's, so a bad combination fails with the builder's own message.
 */
final class PropertiesToBuilder {

    private PropertiesToBuilder() {
    }

    /**
     * @param properties the bound properties
     * @param builder a fresh builder
     * @param applicationDataSource the application's DataSource, when it has one
     * @return the builder, configured
     * @throws MpAuthXException 6001 when the application's DataSource is asked for and there is none
     */
    static MpAuthXBuilder configure(MpAuthXProperties properties, MpAuthXBuilder builder,
                                    Optional<DataSource> applicationDataSource) {
        set(properties.getAppId(), builder::appId);
        set(properties.getAppSecret(), builder::appSecret);
        set(properties.getSku(), builder::sku);
        set(properties.getTokenTtl(), builder::tokenTtl);
        set(properties.getMaxTokensPerUser(), builder::maxTokensPerUser);
        redis(properties.getRedis(), builder);
        nearCache(properties.getNearCache()).ifPresent(builder::nearCache);
        MpAuthXProperties.Postgres postgres = properties.getPostgres();
        if (properties.getSqlite().getPath() != null
                && (postgres.getUrl() != null || postgres.isUseApplicationDataSource())) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "invalid MpAuthX configuration: "
                    + "set only one of mpauthx.sqlite.path and mpauthx.postgres.*: users live in one store");
        }
        set(properties.getSqlite().getPath(), builder::sqlite);
        postgres(postgres, builder, applicationDataSource);
        MpAuthXProperties.WeChat weChat = properties.getWechat();
        set(weChat.getApiBaseUrl(), builder::weChatApiBaseUrl);
        set(weChat.getConnectTimeout(), builder::weChatConnectTimeout);
        set(weChat.getRequestTimeout(), builder::weChatRequestTimeout);
        return builder;
    }

    private static void redis(MpAuthXProperties.Redis redis, MpAuthXBuilder builder) {
        long servers = Stream.of(redis.getUri() != null, redis.getSentinel() != null, !redis.getCluster().isEmpty())
                .filter(Boolean::booleanValue).count();
        if (servers > 1) {
            // the builder's last call would win silently; properties have no order to make that meaningful
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "invalid MpAuthX configuration: "
                    + "set only one of mpauthx.redis.uri, mpauthx.redis.sentinel and mpauthx.redis.cluster");
        }
        set(redis.getUri(), builder::redis);
        set(redis.getSentinel(), builder::redisSentinel);
        if (!redis.getCluster().isEmpty()) {
            builder.redisCluster(redis.getCluster().toArray(String[]::new));
        }
        set(redis.getPassword(), builder::redisPassword);
        set(redis.getCommandTimeout(), builder::redisCommandTimeout);
    }

    /** Only what is set changes the builder's default cache; {@code enabled: false} turns it off. */
    private static Optional<NearCacheSettings> nearCache(MpAuthXProperties.NearCache nearCache) {
        if (nearCache.getEnabled() == null && nearCache.getMaxEntries() == null && nearCache.getMaxStaleness() == null) {
            return Optional.empty();
        }
        if (Boolean.FALSE.equals(nearCache.getEnabled())) {
            return Optional.of(NearCacheSettings.disabled());
        }
        NearCacheSettings.Builder settings = NearCacheSettings.builder().enabled(true);
        set(nearCache.getMaxEntries(), settings::maxEntries);
        set(nearCache.getMaxStaleness(), settings::maxStaleness);
        return Optional.of(settings.build());
    }

    private static void postgres(MpAuthXProperties.Postgres postgres, MpAuthXBuilder builder,
                                 Optional<DataSource> applicationDataSource) {
        if (postgres.isUseApplicationDataSource()) {
            builder.postgres(applicationDataSource.orElseThrow(() -> new MpAuthXException(
                    StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "invalid MpAuthX configuration: "
                    + "mpauthx.postgres.use-application-data-source is true but the application has no DataSource")));
        } else if (postgres.getUrl() != null) {
            builder.postgres(postgres.getUrl(), postgres.getUser(), postgres.getPassword());
        }
        set(postgres.getSchema(), builder::postgresSchema);
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
