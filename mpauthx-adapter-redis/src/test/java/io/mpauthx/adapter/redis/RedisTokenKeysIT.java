package io.mpauthx.adapter.redis;

import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.Concurrently;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the store leaves in Redis: the key layout, the index in step with the token keys, TTLs, no leftovers. */
@ExtendWith(RedisServerExtension.class)
class RedisTokenKeysIT {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration EXPIRY_WAIT = Duration.ofSeconds(10);

    private final TokenStore store;
    private final TestRedis redis;
    private final RedisCommands<String, String> commands;

    RedisTokenKeysIT(LocalRedisServer server) {
        this.store = TestRedis.store(server);
        this.redis = TestRedis.inspect(server);
        this.commands = redis.commands();
    }

    @AfterEach
    void close() {
        store.close();
        redis.close();
    }

    private static TokenOwner newOwner() {
        return new TokenOwner("shop", "o" + UUID.randomUUID().toString().replace("-", ""));
    }

    private static TokenHash newHash() {
        return TokenHash.ofSecret(UUID.randomUUID().toString());
    }

    private static String index(TokenOwner owner) {
        return "mpauthx:{shop:" + owner.userId() + "}:idx";
    }

    private static String tokenKey(TokenOwner owner, TokenHash hash) {
        return "mpauthx:{shop:" + owner.userId() + "}:t:" + hash.value().substring(0, 22);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /** Only tests may list keys; the store itself never does. */
    private List<String> keysOf(TokenOwner owner) {
        return commands.keys("mpauthx:{shop:" + owner.userId() + "}:*");
    }

    @Test
    void everyKeyOfAnOwnerCarriesTheOwnersHashTagAndTokensAreStoredHashed() {
        TokenOwner owner = newOwner();
        String secret = UUID.randomUUID().toString();
        TokenHash hash = TokenHash.ofSecret(secret);
        StoredToken stored = store.issue(owner, hash, HOUR, 10);

        assertThat(keysOf(owner)).containsExactlyInAnyOrder(index(owner), tokenKey(owner, hash))
                .allSatisfy(key -> assertThat(key).doesNotContain(secret));
        assertThat(SlotHash.getSlot(index(owner))).isEqualTo(SlotHash.getSlot(tokenKey(owner, hash)));
        assertThat(commands.zscore(index(owner), hash.value())).isEqualTo((double) micros(stored.expiresAt()));
        assertThat(commands.get(tokenKey(owner, hash))).isEqualTo(Long.toString(micros(stored.issuedAt())));
    }

    @Test
    void everyKeyHasATtlAndTheIndexLivesAsLongAsItsLongestToken() {
        TokenOwner owner = newOwner();
        TokenHash shortLived = newHash();
        TokenHash longLived = newHash();
        store.issue(owner, longLived, HOUR, 10);
        store.issue(owner, shortLived, Duration.ofMinutes(1), 10);

        assertThat(commands.pttl(tokenKey(owner, shortLived))).isBetween(1L, Duration.ofMinutes(1).toMillis());
        assertThat(commands.pttl(index(owner)))
                .isPositive()
                .isGreaterThanOrEqualTo(commands.pttl(tokenKey(owner, longLived)));
    }

    @Test
    void concurrentRefreshesLeaveAnIndexOfOneAndOneTokenKey() throws Exception {
        TokenOwner owner = newOwner();
        store.issue(owner, newHash(), HOUR, 10);

        List<TokenHash> issued = Concurrently.run(32, i -> {
            TokenHash hash = newHash();
            store.replaceAll(owner, hash, HOUR);
            return hash;
        });

        assertThat(commands.zcard(index(owner))).isEqualTo(1);
        TokenHash survivor = new TokenHash(commands.zrange(index(owner), 0, -1).get(0));
        assertThat(issued).contains(survivor);
        assertThat(keysOf(owner)).containsExactlyInAnyOrder(index(owner), tokenKey(owner, survivor));
    }

    @Test
    void concurrentLoginsUnderTheCapLeaveTheIndexInStepWithTheKeys() throws Exception {
        TokenOwner owner = newOwner();

        Concurrently.run(32, i -> store.issue(owner, newHash(), HOUR, 10));

        List<String> members = commands.zrange(index(owner), 0, -1);
        assertThat(members).hasSize(10);
        assertThat(keysOf(owner)).hasSize(11).contains(index(owner))
                .containsAll(members.stream().map(member -> tokenKey(owner, new TokenHash(member))).toList());
    }

    @Test
    void expiredTokenIsPrunedFromTheIndexOnTheOwnersNextWrite() {
        TokenOwner owner = newOwner();
        TokenHash expiring = newHash();
        store.issue(owner, expiring, SECOND, 10);
        store.issue(owner, newHash(), HOUR, 10);

        Await.until(EXPIRY_WAIT, () -> !store.isLive(owner, expiring), "a 1 s token expires by itself");
        assertThat(store.liveTokens(owner)).extracting(StoredToken::hash).doesNotContain(expiring);
        assertThat(commands.zscore(index(owner), expiring.value())).as("reads do not write").isNotNull();

        store.issue(owner, newHash(), HOUR, 10);

        assertThat(commands.zscore(index(owner), expiring.value())).isNull();
        assertThat(commands.zcard(index(owner))).isEqualTo(2);
    }

    @Test
    void aTokenIsNeverLivePastTheExpiryItWasIssuedWithByRedissClock() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        Instant expiresAt = store.issue(owner, hash, SECOND, 10).expiresAt();

        Await.until(EXPIRY_WAIT, () -> {
            Instant checkedAt = redisTime();
            boolean live = store.isLive(owner, hash);
            assertThat(live && !checkedAt.isBefore(expiresAt))
                    .as("live at %s although it expired at %s", checkedAt, expiresAt).isFalse();
            return !live;
        }, "the token expires");
        assertThat(store.liveTokens(owner)).as("the listing agrees with the check").isEmpty();
    }

    private Instant redisTime() {
        List<String> time = commands.time();
        return Instant.ofEpochSecond(Long.parseLong(time.get(0)), Long.parseLong(time.get(1)) * 1_000);
    }

    @Test
    void nothingOfAnOwnerIsLeftOnceEveryTokenHasExpired() {
        TokenOwner owner = newOwner();
        store.issue(owner, newHash(), SECOND, 10);
        store.issue(owner, newHash(), Duration.ofMillis(1_500), 10);

        Await.until(EXPIRY_WAIT, () -> keysOf(owner).isEmpty(), "every key of the owner expires with its tokens");
        assertThat(store.liveTokens(owner)).isEmpty();
    }

    @Test
    void revokingTheLastTokenRemovesTheIndex() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        store.issue(owner, hash, HOUR, 10);

        assertThat(store.revoke(owner, hash)).isTrue();

        assertThat(keysOf(owner)).isEmpty();
    }

    @Test
    void theDatabaseTheUriNamesHoldsTheKeys(LocalRedisServer server) {
        TokenOwner owner = newOwner();
        try (TokenStore inDatabase3 = RedisAdapters.tokenStore(
                RedisSettings.builder().uri(server.uri() + "/3").build())) {
            inDatabase3.issue(owner, newHash(), HOUR, 10);
        }

        assertThat(keysOf(owner)).isEmpty();
        commands.select(3);
        assertThat(keysOf(owner)).hasSize(2);
    }

    @Test
    void scriptsAreLoadedAgainAfterRedisForgetsThem() {
        TokenOwner owner = newOwner();
        commands.scriptFlush();

        TokenHash hash = newHash();
        store.issue(owner, hash, HOUR, 10);

        assertThat(store.isLive(owner, hash)).isTrue();
        assertThat(store.liveTokens(owner)).hasSize(1);
    }
}
