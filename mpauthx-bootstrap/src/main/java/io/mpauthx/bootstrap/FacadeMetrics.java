package io.mpauthx.bootstrap;

import io.mpauthx.domain.port.out.TokenStore;

/**
 * What the facade tells a metrics registry, in mpauthx's own terms: no type of a metrics library appears here, so
 * that the facade and the Guice module load without one. {@link #NONE} records nothing and reads no clock; the one
 * implementation that records is {@link MicrometerMetrics}, loaded only when a registry was given.
 */
interface FacadeMetrics {

    /** No registry: every method returns at once. */
    FacadeMetrics NONE = new FacadeMetrics() {
    };

    /** How a token check ended, as the {@code result} tag says it. */
    enum CheckResult {
        VALID("valid"), INVALID("invalid"), STORE_FAILURE("store-failure"), ERROR("error");

        private final String tag;

        CheckResult(String tag) {
            this.tag = tag;
        }

        /** @return the tag value */
        String tag() {
            return tag;
        }
    }

    /** What {@link #startCheck()} returns for a check whose time is not taken. */
    long NOT_TIMED = Long.MIN_VALUE;

    /** @return the start of a timed call, in {@link System#nanoTime()}; 0 when nothing is recorded */
    default long start() {
        return 0;
    }

    /**
     * The hot path's start: only a sample of the checks is timed, so that most checks read no clock.
     *
     * @return the start in {@link System#nanoTime()} when this check is timed, else {@link #NOT_TIMED}
     */
    default long startCheck() {
        return NOT_TIMED;
    }

    /**
     * @param result how the check ended
     * @param startNanos what {@link #startCheck()} returned before it
     */
    default void checked(CheckResult result, long startNanos) {
    }

    /**
     * @param statusCode the login's status code (1 on success)
     * @param startNanos what {@link #start()} returned before it
     */
    default void loggedIn(int statusCode, long startNanos) {
    }

    /**
     * @param statusCode the refresh's status code (1 on success)
     * @param startNanos what {@link #start()} returned before it
     */
    default void refreshed(int statusCode, long startNanos) {
    }

    /**
     * @param endpoint WeChat's API, e.g. {@code jscode2session}
     * @param errcode WeChat's errcode ({@code 0} on success), or {@code none} when WeChat gave none
     * @param startNanos what {@link #start()} returned before it
     */
    default void weChatCalled(String endpoint, String errcode, long startNanos) {
    }

    /**
     * Registers the gauges and counters read from the token store (near cache, connections), when it has any.
     *
     * @param store the opened token store
     */
    default void watch(TokenStore store) {
    }

    /** @return true when calls are recorded, so that callers skip wrapping work when they are not */
    default boolean records() {
        return false;
    }
}
