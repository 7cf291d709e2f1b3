package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach jscode2session: the app's credentials, the base URL, the timeouts and the retry of errcode -1.
 * Immutable; made with {@link #builder()} and validated once by {@link Builder#build()}. {@link #toString()} never
 * shows the app secret.
 */
public final class WeChatSettings {

    /** WeChat's API host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.weixin.qq.com");
    /** How long opening a connection may take. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long one jscode2session call may take in all, retries and pauses included. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Retries after errcode -1 or a connection that could not be made; also the most allowed. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** The mean pause before the first retry; the n-th retry waits n times as long, jittered by ±50%. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);

    private final String appId;
    private final String appSecret;
    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration retryBackoff;

    private WeChatSettings(Builder builder) {
        this.appId = builder.appId;
        this.appSecret = builder.appSecret;
        this.baseUrl = builder.baseUrl;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.maxRetries = builder.maxRetries;
        this.retryBackoff = builder.retryBackoff;
    }

    /** @return a builder with every default set and no credentials */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the Mini Program's app id */
    public String appId() {
        return appId;
    }

    /** @return the app secret; a secret, never log it */
    public String appSecret() {
        return appSecret;
    }

    /** @return the base URL jscode2session's path is appended to */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return how long opening a connection may take */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return how long a whole jscode2session call may take, retries included */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return how many times errcode -1 or a connection that could not be made is retried, 0 to 2 */
    public int maxRetries() {
        return maxRetries;
    }

    /** @return the mean pause before the first retry */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    @Override
    public String toString() {
        return "WeChatSettings[appId=" + appId + ", appSecret=<redacted>, baseUrl=" + baseUrl
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxRetries=" + maxRetries + ", retryBackoff=" + retryBackoff + "]";
    }

    /** Collects the settings; not thread-safe. */
    public static final class Builder {

        private String appId;
        private String appSecret;
        private URI baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;

        private Builder() {
        }

        /**
         * @param value the Mini Program's app id; required
         * @return this builder
         */
        public Builder appId(String value) {
            this.appId = value;
            return this;
        }

        /**
         * @param value the app secret; required
         * @return this builder
         */
        public Builder appSecret(String value) {
            this.appSecret = value;
            return this;
        }

        /**
         * @param value an absolute http(s) URL without query, e.g. a proxy's; default {@link WeChatSettings#DEFAULT_BASE_URL}
         * @return this builder
         */
        public Builder baseUrl(URI value) {
            this.baseUrl = value;
            return this;
        }

        /**
         * @param value positive; default {@link WeChatSettings#DEFAULT_CONNECT_TIMEOUT}
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /**
         * @param value positive, the budget of a whole call; default {@link WeChatSettings#DEFAULT_REQUEST_TIMEOUT}
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /**
         * @param value 0 to 2; default {@link WeChatSettings#DEFAULT_MAX_RETRIES}
         * @return this builder
         */
        public Builder maxRetries(int value) {
            this.maxRetries = value;
            return this;
        }

        /**
         * @param value positive; default {@link WeChatSettings#DEFAULT_RETRY_BACKOFF}
         * @return this builder
         */
        public Builder retryBackoff(Duration value) {
            this.retryBackoff = value;
            return this;
        }

        /**
         * @return the settings
         * @throws MpAuthXException 6001 naming every setting that is missing or out of range
         */
        public WeChatSettings build() {
            List<String> problems = new ArrayList<>();
            requireText(appId, "the app id", problems);
            requireText(appSecret, "the app secret", problems);
            if (!isHttpUrlWithoutQuery(baseUrl)) {
                problems.add("the WeChat API base URL must be an absolute http(s) URL with a host and no query or "
                        + "fragment, was " + withoutUserInfo(baseUrl));
            }
            requirePositive(connectTimeout, "the WeChat connect timeout", problems);
            requirePositive(requestTimeout, "the WeChat request timeout", problems);
            requirePositive(retryBackoff, "the WeChat retry backoff", problems);
            if (maxRetries < 0 || maxRetries > DEFAULT_MAX_RETRIES) {
                problems.add("the WeChat retries must be 0 to " + DEFAULT_MAX_RETRIES + ", was " + maxRetries);
            }
            if (!problems.isEmpty()) {
                throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, String.join("; ", problems));
            }
            return new WeChatSettings(this);
        }

        private static void requireText(String value, String name, List<String> problems) {
            if (value == null || value.isBlank()) {
                problems.add(name + " is required");
            }
        }

        private static void requirePositive(Duration value, String name, List<String> problems) {
            if (value == null || value.isNegative() || value.isZero()) {
                problems.add(name + " must be a positive duration, was " + value);
            }
        }

        /** A proxy URL may carry credentials; the message shows where, never who. */
        private static String withoutUserInfo(URI url) {
            return url == null || url.getRawUserInfo() == null ? String.valueOf(url)
                    : url.toString().replace(url.getRawUserInfo() + "@", "****@");
        }

        private static boolean isHttpUrlWithoutQuery(URI url) {
            return url != null
                    && ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))
                    && url.getHost() != null && url.getRawQuery() == null && url.getRawFragment() == null;
        }
    }
}
