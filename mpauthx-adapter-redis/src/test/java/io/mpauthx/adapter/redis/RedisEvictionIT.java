package io.mpauthx.adapter.redis;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis that evicts keys under {@code maxmemory}, as managed services do by default: whatever it evicts, a user
 * is logged out, and a revoked or refreshed-away token is never valid again. Each run fills a 4 MB Redis with
 * 2,000 users of 2 tokens each and then with junk until it evicts, checks every token on the way (so that token
 * data is recently used and anything touched only by writes is what goes first), and then logs half the users
 * out everywhere and refreshes the other half; with and without the near cache, whose answers must follow what
 * Redis evicted.
 */
@ExtendWith(RedisServerExtension.class)
class RedisEvictionIT {

    private static final int USERS = 2_000;
    private static final Duration TTL = Duration.ofHours(1);
    private static final String JUNK_VALUE = "x".repeat(200);

    private final LocalRedisServer server;
    private TestRedis redis;
    private RedisCommands<String, String> commands;
    private TokenStore store;

    RedisEvictionIT(LocalRedisServer server) {
        this.server = server;
    }

    @BeforeEach
    void start() {
        redis = TestRedis.inspect(server);
        commands = redis.commands();
        commands.configSet("maxmemory", "0");
        commands.flushall();
        commands.configResetstat();
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        commands.configSet("maxmemory", "0");
        commands.configSet("maxmemory-policy", "noeviction");
        commands.flushall();
        redis.close();
    }

    private record Login(TokenOwner owner, List<TokenHash> hashes) {
    }

    @ParameterizedTest(name = "{0}, near cache {1}")
    @CsvSource({"allkeys-lru, false", "volatile-lru, false", "allkeys-random, false",
            "allkeys-lru, true", "volatile-lru, true", "allkeys-random, true"})
    void whatIsEvictedIsLoggedOutNeverLeftUnrevocable(String policy, boolean nearCache) {
        RedisSettings settings = RedisSettings.builder().uri(server.uri()).build();
        store = RedisAdapters.tokenStore(settings, nearCache ? NearCacheSettings.defaults()
                : NearCacheSettings.disabled());
        List<Login> logins = loginEveryUserTwice();
        commands.configSet("maxmemory-policy", policy);
        commands.configSet("maxmemory", "4mb");
        fillWithJunkUntilEvicting(logins, policy.startsWith("volatile"));
        long hidden = logins.stream().mapToLong(this::validButNotListed).sum();

        List<TokenHash> ended = new ArrayList<>();
        for (int i = 0; i < logins.size(); i++) {
            Login login = logins.get(i);
            if (i % 2 == 0) {
                store.revokeAll(login.owner());
            } else {
                store.replaceAll(login.owner(), NewToken.of(newHash(), TTL));
            }
            ended.addAll(login.hashes());
        }
        commands.configSet("maxmemory", "0");

        assertThat(commands.info("stats")).as("Redis evicted keys").doesNotContain("evicted_keys:0\r");
        long validAfterEnding = stillValid(logins);
        assertThat(List.of(hidden, validAfterEnding))
                .as("[valid tokens activeTokens did not list, tokens valid after logout-everywhere or refresh]")
                .containsExactly(0L, 0L);
    }

    private List<Login> loginEveryUserTwice() {
        List<Login> logins = new ArrayList<>(USERS);
        for (int i = 0; i < USERS; i++) {
            TokenOwner owner = new TokenOwner(Sku.of("shop"),
                    UserId.of("o" + UUID.randomUUID().toString().replace("-", "")));
            List<TokenHash> hashes = List.of(newHash(), newHash());
            hashes.forEach(hash -> store.issue(owner, NewToken.of(hash, TTL), 10));
            logins.add(new Login(owner, hashes));
        }
        return logins;
    }

    /**
     * Writes junk (with a TTL where the policy evicts only such keys) until Redis has evicted as many keys as there
     * are users, checking every token between batches the way an application's traffic would.
     */
    private void fillWithJunkUntilEvicting(List<Login> logins, boolean junkWithTtl) {
        SetArgs expiring = SetArgs.Builder.ex(Duration.ofHours(1));
        long junk = 0;
        while (evictedKeys() < USERS) {
            for (int i = 0; i < 500; i++, junk++) {
                if (junkWithTtl) {
                    commands.set("junk:" + junk, JUNK_VALUE, expiring);
                } else {
                    commands.set("junk:" + junk, JUNK_VALUE);
                }
            }
            stillValid(logins);
        }
    }

    private long stillValid(List<Login> logins) {
        long valid = 0;
        for (Login login : logins) {
            for (TokenHash hash : login.hashes()) {
                if (isLive(login.owner(), hash)) {
                    valid++;
                }
            }
        }
        return valid;
    }

    /** "Where am I logged in" must hide nothing: counts the user's valid tokens that the listing leaves out. */
    private long validButNotListed(Login login) {
        Set<TokenHash> listed = new HashSet<>();
        store.liveTokens(login.owner()).stream().map(StoredToken::hash).forEach(listed::add);
        return login.hashes().stream().filter(hash -> isLive(login.owner(), hash) && !listed.contains(hash)).count();
    }

    private boolean isLive(TokenOwner owner, TokenHash hash) {
        try {
            return store.isLive(owner, hash);
        } catch (MpAuthXException outOfMemory) {
            throw new AssertionError("a check failed under maxmemory", outOfMemory);
        }
    }

    private long evictedKeys() {
        return commands.info("stats").lines()
                .filter(line -> line.startsWith("evicted_keys:"))
                .mapToLong(line -> Long.parseLong(line.substring("evicted_keys:".length()).trim()))
                .findFirst().orElse(0);
    }

    private static TokenHash newHash() {
        return TokenHash.ofSecret(UUID.randomUUID().toString());
    }
}
