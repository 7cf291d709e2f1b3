package io.mpauthx.benchmarks;

import io.mpauthx.adapter.redis.RedisAdapters;
import io.mpauthx.adapter.redis.RedisSettings;
import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.TokenStore;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/** Live tokens issued straight into a token store, for figures that check them rather than log in. */
final class LiveTokens {

    static final String SKU = "bench";
    static final Duration TTL = Duration.ofHours(1);
    private static final int MAX_TOKENS_PER_USER = 10;
    /** Issuing is one round trip per token: enough threads to keep Redis busy instead of waiting. */
    private static final int ISSUERS = 16;

    private final List<String> values;

    private LiveTokens(List<String> values) {
        this.values = values;
    }

    /**
     * @param redisUri where to issue them
     * @param count how many users, one token each
     * @return the tokens as a phone would send them
     */
    static LiveTokens issue(String redisUri, int count) {
        return issue(redisUri, count, 1);
    }

    /**
     * @param redisUri where to issue them
     * @param count how many tokens
     * @param perUser how many of them each user has (devices logged in); at most 10, the default cap
     * @return the tokens as a phone would send them
     */
    static LiveTokens issue(String redisUri, int count, int perUser) {
        return issue(RedisSettings.builder().uri(redisUri).build(), count, perUser);
    }

    /**
     * @param redis where to issue them: one server, or a cluster
     * @param count how many tokens
     * @param perUser how many of them each user has (devices logged in); at most 10, the default cap
     * @return the tokens as a phone would send them
     */
    static LiveTokens issue(RedisSettings redis, int count, int perUser) {
        try (TokenStore store = RedisAdapters.tokenStore(redis)) {
            return issue(store, count, perUser);
        }
    }

    /**
     * @param store where to issue them, left open
     * @param count how many tokens
     * @param perUser how many of them each user has (devices logged in); at most 10, the default cap
     * @return the tokens as a phone would send them
     */
    static LiveTokens issue(TokenStore store, int count, int perUser) {
        SecureRandom random = new SecureRandom();
        String[] values = new String[count];
        ExecutorService issuers = Executors.newFixedThreadPool(ISSUERS);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int issuer = 0; issuer < ISSUERS; issuer++) {
                int first = issuer;
                batches.add(issuers.submit(() -> {
                    for (int i = first; i < count; i += ISSUERS) {
                        AccessToken token = AccessToken.generate(new TokenOwner(Sku.of(SKU), UserId.of(openId(i / perUser))), random);
                        store.issue(token.owner(), NewToken.of(token.hash(), TTL), MAX_TOKENS_PER_USER);
                        values[i] = token.value();
                    }
                }));
            }
            batches.forEach(LiveTokens::await);
        } finally {
            issuers.shutdownNow();
        }
        return new LiveTokens(List.of(values));
    }

    private static void await(Future<?> batch) {
        try {
            batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while issuing tokens", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("issuing tokens failed: " + e.getCause(), e.getCause());
        }
    }

    /** A 28-character id shaped like WeChat's openIds, which is what key sizes depend on. */
    static String openId(int number) {
        return String.format("oBench%022d", number);
    }

    int size() {
        return values.size();
    }

    /** @return the token issued {@code index}th */
    String get(int index) {
        return values.get(index);
    }

    /** A check of a live token that answers false would measure the wrong path: the benchmark stops instead. */
    static void requireValid(boolean valid) {
        if (!valid) {
            throw new IllegalStateException("a live token was reported invalid");
        }
    }

    /** @return any of the tokens, so that callers do not all hit one key */
    String any() {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }
}
