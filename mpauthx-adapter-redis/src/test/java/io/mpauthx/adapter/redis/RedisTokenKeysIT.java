package io.mpauthx.adapter.redis;

import io.lettuce.core.api.sync.RedisCommands;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.Concurrently;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store leaves in Redis: one key per owner, its fields and TTL, pruning, nothing left after expiry. */
@ExtendWith(RedisServerExtension.class)
class RedisTokenKeysIT {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration EXPIRY_WAIT = Duration.ofSeconds(10);

    private final TokenStore store;
    private final TestRedis redis;
    private final RedisCommands<String, String> commands;
    private final RedisCommands<byte[], byte[]> raw;

    RedisTokenKeysIT(LocalRedisServer server) {
        this.store = TestRedis.store(server);
        this.redis = TestRedis.inspect(server);
        this.commands = redis.commands();
        this.raw = redis.raw();
    }

    @AfterEach
    void close() {
        store.close();
        redis.close();
    }

    private static TokenOwner newOwner() {
        return new TokenOwner(Sku.of("shop"), UserId.of("o" + UUID.randomUUID().toString().replace("-", "")));
    }

    private static TokenHash newHash() {
        return TokenHash.ofSecret(UUID.randomUUID().toString());
    }

    private static String key(TokenOwner owner) {
        return "mpauthx:{shop:" + owner.userId() + "}";
    }

    private static byte[] rawKey(TokenOwner owner) {
        return key(owner).getBytes(StandardCharsets.US_ASCII);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /** Only tests may list keys; the store itself never does. */
    private List<String> keysOf(TokenOwner owner) {
        return commands.keys("mpauthx:{shop:" + owner.userId() + "}*");
    }

    private boolean hasField(TokenOwner owner, TokenHash hash) {
        return raw.hexists(rawKey(owner), HashBytes.of(hash));
    }

    @Test
    void everyTokenIsAFieldOfItsOwnersOneKeyKeyedByItsRawHashWithItsTimes() {
        TokenOwner owner = newOwner();
        String secret = UUID.randomUUID().toString();
        TokenHash hash = TokenHash.ofSecret(secret);
        StoredToken stored = store.issue(owner, NewToken.of(hash, HOUR), 10);

        assertThat(keysOf(owner)).containsExactly(key(owner));
        assertThat(commands.type(key(owner))).isEqualTo("hash");
        Map<byte[], byte[]> fields = raw.hgetall(rawKey(owner));
        assertThat(fields).hasSize(1);
        byte[] field = fields.keySet().iterator().next();
        assertThat(field).as("the 32 bytes of SHA-256, never the token").isEqualTo(HashBytes.of(hash))
                .hasSize(32);
        assertThat(new String(field, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        ByteBuffer entry = ByteBuffer.wrap(fields.get(field)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat((long) entry.getDouble()).isEqualTo(micros(stored.issuedAt()));
        assertThat((long) entry.getDouble()).isEqualTo(micros(stored.expiresAt()));
    }

    @Test
    void theKeyLivesAsLongAsItsLongestToken() {
        TokenOwner owner = newOwner();
        store.issue(owner, NewToken.of(newHash(), HOUR), 10);
        store.issue(owner, NewToken.of(newHash(), Duration.ofMinutes(1)), 10);

        assertThat(commands.pttl(key(owner))).isBetween(HOUR.minusMinutes(1).toMillis(), HOUR.toMillis() + 1);
    }

    @Test
    void concurrentRefreshesLeaveOneField() throws Exception {
        TokenOwner owner = newOwner();
        store.issue(owner, NewToken.of(newHash(), HOUR), 10);

        List<TokenHash> issued = Concurrently.run(32, i -> {
            TokenHash hash = newHash();
            store.replaceAll(owner, NewToken.of(hash, HOUR));
            return hash;
        });

        assertThat(commands.hlen(key(owner))).isEqualTo(1);
        assertThat(issued.stream().filter(hash -> hasField(owner, hash))).hasSize(1);
        assertThat(keysOf(owner)).containsExactly(key(owner));
    }

    @Test
    void concurrentLoginsUnderTheCapLeaveExactlyTheCap() throws Exception {
        TokenOwner owner = newOwner();

        List<TokenHash> issued = Concurrently.run(32, i -> {
            TokenHash hash = newHash();
            store.issue(owner, NewToken.of(hash, HOUR), 10);
            return hash;
        });

        assertThat(commands.hlen(key(owner))).isEqualTo(10);
        assertThat(issued.stream().filter(hash -> hasField(owner, hash))).hasSize(10);
    }

    @Test
    void anExpiredTokenIsDroppedOnTheOwnersNextWrite() {
        TokenOwner owner = newOwner();
        TokenHash expiring = newHash();
        store.issue(owner, NewToken.of(expiring, SECOND), 10);
        store.issue(owner, NewToken.of(newHash(), HOUR), 10);

        Await.until(EXPIRY_WAIT, () -> !store.isLive(owner, expiring), "a 1 s token expires by itself");
        assertThat(store.liveTokens(owner)).extracting(StoredToken::hash).doesNotContain(expiring);
        assertThat(hasField(owner, expiring)).as("reads do not write").isTrue();

        store.issue(owner, NewToken.of(newHash(), HOUR), 10);

        assertThat(hasField(owner, expiring)).isFalse();
        assertThat(commands.hlen(key(owner))).isEqualTo(2);
    }

    @Test
    void aTokenIsNeverLivePastTheExpiryItWasIssuedWithByRedissClock() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        Instant expiresAt = store.issue(owner, NewToken.of(hash, SECOND), 10).expiresAt();

        Await.until(EXPIRY_WAIT, () -> {
            Instant checkedAt = redisTime();
            boolean live = store.isLive(owner, hash);
            assertThat(live && !checkedAt.isBefore(expiresAt))
                    .as("live at %s although it expired at %s", checkedAt, expiresAt).isFalse();
            return !live;
        }, "the token expires");
        assertThat(store.liveTokens(owner)).as("the listing agrees with the check").isEmpty();
        assertThat(store.isLiveAsync(owner, hash).toCompletableFuture().join())
                .as("the asynchronous check agrees").isFalse();
    }

    private Instant redisTime() {
        List<String> time = commands.time();
        return Instant.ofEpochSecond(Long.parseLong(time.get(0)), Long.parseLong(time.get(1)) * 1_000);
    }

    @Test
    void nothingOfAnOwnerIsLeftOnceEveryTokenHasExpired() {
        TokenOwner owner = newOwner();
        store.issue(owner, NewToken.of(newHash(), SECOND), 10);
        store.issue(owner, NewToken.of(newHash(), Duration.ofMillis(1_500)), 10);

        Await.until(EXPIRY_WAIT, () -> keysOf(owner).isEmpty(), "the owner's key expires with its last token");
        assertThat(store.liveTokens(owner)).isEmpty();
    }

    @Test
    void revokingTheLastTokenRemovesTheKey() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        store.issue(owner, NewToken.of(hash, HOUR), 10);

        assertThat(store.revoke(owner, hash)).isTrue();

        assertThat(keysOf(owner)).isEmpty();
    }

    @Test
    void anEntryTheStoreDidNotWriteFailsTheCheckInsteadOfPassingIt() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        raw.hset(rawKey(owner), HashBytes.of(hash), "not an entry".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> store.isLive(owner, hash)).isInstanceOfSatisfying(MpAuthXException.class,
                e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
        assertThatThrownBy(() -> store.isLiveAsync(owner, hash).toCompletableFuture().join())
                .hasCauseInstanceOf(MpAuthXException.class)
                .cause().satisfies(e -> assertThat(((MpAuthXException) e).statusCode())
                        .isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
    }

    @Test
    void theDatabaseTheUriNamesHoldsTheKeys(LocalRedisServer server) {
        TokenOwner owner = newOwner();
        try (TokenStore inDatabase3 = RedisAdapters.tokenStore(
                RedisSettings.builder().uri(server.uri() + "/3").build())) {
            inDatabase3.issue(owner, NewToken.of(newHash(), HOUR), 10);
        }

        assertThat(keysOf(owner)).isEmpty();
        commands.select(3);
        assertThat(keysOf(owner)).hasSize(1);
    }

    @Test
    void scriptsAreLoadedAgainAfterRedisForgetsThem() {
        TokenOwner owner = newOwner();
        commands.scriptFlush();

        TokenHash hash = newHash();
        store.issue(owner, NewToken.of(hash, HOUR), 10);

        assertThat(store.isLive(owner, hash)).isTrue();
        assertThat(store.liveTokens(owner)).hasSize(1);
    }
}
