package io.mpauthx.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mpauthx.*} properties: the builder's settings under Spring Boot's names. What is not set keeps the
 * builder's default; what the builder refuses fails the application's start with the builder's message.
 */
@ConfigurationProperties(prefix = "mpauthx")
public class MpAuthXProperties {

    /** The Mini Program's app id. */
    private String appId;
    /** The Mini Program's app secret; never logged. */
    private String appSecret;
    /** The project namespace of tokens, [A-Za-z0-9_-]{1,64}. */
    private String sku;
    /** How long a token lives, e.g. 72h; default three days. */
    private Duration tokenTtl;
    /** How many devices one user may be logged in on per sku; default 10. */
    private Integer maxTokensPerUser;
    private final Redis redis = new Redis();
    private final NearCache nearCache = new NearCache();
    private final Sqlite sqlite = new Sqlite();
    private final Postgres postgres = new Postgres();
    private final WeChat wechat = new WeChat();

    /** @return the app id */
    public String getAppId() {
        return appId;
    }

    /** @param appId the Mini Program's app id */
    public void setAppId(String appId) {
        this.appId = appId;
    }

    /** @return the app secret */
    public String getAppSecret() {
        return appSecret;
    }

    /** @param appSecret the Mini Program's app secret */
    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    /** @return the sku */
    public String getSku() {
        return sku;
    }

    /** @param sku the project namespace of tokens */
    public void setSku(String sku) {
        this.sku = sku;
    }

    /** @return the token lifetime, or null for the default */
    public Duration getTokenTtl() {
        return tokenTtl;
    }

    /** @param tokenTtl how long a token lives */
    public void setTokenTtl(Duration tokenTtl) {
        this.tokenTtl = tokenTtl;
    }

    /** @return the device cap, or null for the default */
    public Integer getMaxTokensPerUser() {
        return maxTokensPerUser;
    }

    /** @param maxTokensPerUser how many devices one user may be logged in on */
    public void setMaxTokensPerUser(Integer maxTokensPerUser) {
        this.maxTokensPerUser = maxTokensPerUser;
    }

    /** @return where tokens are kept */
    public Redis getRedis() {
        return redis;
    }

    /** @return the near cache of token checks */
    public NearCache getNearCache() {
        return nearCache;
    }

    /** @return the SQLite user store */
    public Sqlite getSqlite() {
        return sqlite;
    }

    /** @return the PostgreSQL user store */
    public Postgres getPostgres() {
        return postgres;
    }

    /** @return how WeChat is reached */
    public WeChat getWechat() {
        return wechat;
    }

    /** {@code mpauthx.redis.*}: the token store. Exactly one of uri, sentinel and cluster. */
    public static class Redis {

        /** One Redis server: redis://[[user]:password@]host[:port][/database], or rediss:// for TLS. */
        private String uri;
        /** A primary watched by Sentinel: redis-sentinel://host1:26379,host2:26379#primaryName. */
        private String sentinel;
        /** Seed nodes of a Redis Cluster, redis:// or rediss:// URIs. */
        private List<String> cluster = new ArrayList<>();
        /** The Redis password, replacing any in the URI. */
        private String password;
        /** How long one Redis command may take before the call fails with 6000; default 1s. */
        private Duration commandTimeout;

        /** @return the server's URI */
        public String getUri() {
            return uri;
        }

        /** @param uri one Redis server's URI */
        public void setUri(String uri) {
            this.uri = uri;
        }

        /** @return the Sentinel URI */
        public String getSentinel() {
            return sentinel;
        }

        /** @param sentinel a redis-sentinel:// URI */
        public void setSentinel(String sentinel) {
            this.sentinel = sentinel;
        }

        /** @return the cluster's seed URIs */
        public List<String> getCluster() {
            return cluster;
        }

        /** @param cluster the cluster's seed URIs */
        public void setCluster(List<String> cluster) {
            this.cluster = cluster;
        }

        /** @return the password */
        public String getPassword() {
            return password;
        }

        /** @param password the Redis password */
        public void setPassword(String password) {
            this.password = password;
        }

        /** @return the command timeout */
        public Duration getCommandTimeout() {
            return commandTimeout;
        }

        /** @param commandTimeout how long one command may take */
        public void setCommandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
        }
    }

    /** {@code mpauthx.near-cache.*}: repeated checks answered from memory, kept honest by Redis client tracking. */
    public static class NearCache {

        /** Whether the near cache is on; default on with mpauthx.redis.uri, refused on Cluster and Sentinel. */
        private Boolean enabled;
        /** How many live tokens the cache keeps at most; default 100000. */
        private Integer maxEntries;
        /** How long a cached answer may be served at most; default 30s. */
        private Duration maxStaleness;

        /** @return whether the near cache is on, or null for the default */
        public Boolean getEnabled() {
            return enabled;
        }

        /** @param enabled whether the near cache is on */
        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the entry bound, or null for the default */
        public Integer getMaxEntries() {
            return maxEntries;
        }

        /** @param maxEntries how many live tokens the cache keeps at most */
        public void setMaxEntries(Integer maxEntries) {
            this.maxEntries = maxEntries;
        }

        /** @return the staleness bound, or null for the default */
        public Duration getMaxStaleness() {
            return maxStaleness;
        }

        /** @param maxStaleness how long a cached answer may be served */
        public void setMaxStaleness(Duration maxStaleness) {
            this.maxStaleness = maxStaleness;
        }
    }

    /** {@code mpauthx.sqlite.*}: users in a SQLite file, for one machine. */
    public static class Sqlite {

        /** The database file; created and migrated when missing. */
        private Path path;

        /** @return the file */
        public Path getPath() {
            return path;
        }

        /** @param path the database file */
        public void setPath(Path path) {
            this.path = path;
        }
    }

    /** {@code mpauthx.postgres.*}: users in PostgreSQL, shared by every instance. */
    public static class Postgres {

        /** jdbc:postgresql://host:port/database, for a pool mpauthx owns. */
        private String url;
        /** The user mpauthx's pool logs in as. */
        private String user;
        /** That user's password; never logged. */
        private String password;
        /** Use the application's own DataSource bean instead of a pool of mpauthx's. */
        private boolean useApplicationDataSource;
        /** The schema of mpauthx's tables, lower case; default public. */
        private String schema;

        /** @return the JDBC URL */
        public String getUrl() {
            return url;
        }

        /** @param url the JDBC URL */
        public void setUrl(String url) {
            this.url = url;
        }

        /** @return the user */
        public String getUser() {
            return user;
        }

        /** @param user the user to log in as */
        public void setUser(String user) {
            this.user = user;
        }

        /** @return the password */
        public String getPassword() {
            return password;
        }

        /** @param password the user's password */
        public void setPassword(String password) {
            this.password = password;
        }

        /** @return whether the application's DataSource is used */
        public boolean isUseApplicationDataSource() {
            return useApplicationDataSource;
        }

        /** @param useApplicationDataSource whether to use the application's DataSource */
        public void setUseApplicationDataSource(boolean useApplicationDataSource) {
            this.useApplicationDataSource = useApplicationDataSource;
        }

        /** @return the schema */
        public String getSchema() {
            return schema;
        }

        /** @param schema the schema of mpauthx's tables */
        public void setSchema(String schema) {
            this.schema = schema;
        }
    }

    /** {@code mpauthx.wechat.*}: how WeChat's server API is reached. */
    public static class WeChat {

        /** Where WeChat's API is, e.g. a proxy; default https://api.weixin.qq.com. */
        private URI apiBaseUrl;
        /** How long opening a connection to WeChat may take; default 3s. */
        private Duration connectTimeout;
        /** How long one call of WeChat may take in all, retries included; default 5s. */
        private Duration requestTimeout;

        /** @return the API's base URL */
        public URI getApiBaseUrl() {
            return apiBaseUrl;
        }

        /** @param apiBaseUrl where WeChat's API is */
        public void setApiBaseUrl(URI apiBaseUrl) {
            this.apiBaseUrl = apiBaseUrl;
        }

        /** @return the connect timeout */
        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        /** @param connectTimeout how long opening a connection may take */
        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        /** @return the request timeout */
        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        /** @param requestTimeout how long one call may take */
        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }
    }
}
