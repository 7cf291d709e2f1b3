package io.mpauthx.adapter.redis;

import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.protocol.CommandType;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.testkit.logging.CapturedLogs;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** At startup the store reads maxmemory-policy and warns once when Redis may evict (log out) users. */
@ExtendWith(RedisServerExtension.class)
class RedisEvictionPolicyIT {

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private final LocalRedisServer server;
    private final TestRedis redis;

    RedisEvictionPolicyIT(LocalRedisServer server) {
        this.server = server;
        this.redis = TestRedis.inspect(server);
    }

    @AfterEach
    void restore() {
        redis.commands().configSet("maxmemory-policy", "noeviction");
        redis.commands().aclDeluser("no-config");
        redis.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"allkeys-lru", "volatile-lru", "allkeys-lfu", "volatile-lfu", "allkeys-random",
            "volatile-random"})
    void aPolicyThatMayEvictUsersIsWarnedAboutOnce(String policy) {
        redis.commands().configSet("maxmemory-policy", policy);

        try (TokenStore store = TestRedis.store(server)) {
            assertThat(policyWarnings()).singleElement().asString()
                    .contains(policy).contains("logged out").contains("noeviction");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"noeviction", "volatile-ttl"})
    void aPolicyThatKeepsUsersOrEvictsTheNearestToTheirEndIsNotWarnedAbout(String policy) {
        redis.commands().configSet("maxmemory-policy", policy);

        try (TokenStore store = TestRedis.store(server)) {
            assertThat(policyWarnings()).isEmpty();
        }
    }

    @Test
    void aRedisThatRefusesConfigStillOpensTheStoreAndSaysNothingAboutEviction() {
        redis.commands().configSet("maxmemory-policy", "allkeys-lru");
        // as managed services do: everything but CONFIG
        redis.commands().aclSetuser("no-config", AclSetuserArgs.Builder.on().addPassword("pass").allKeys()
                .allCommands().removeCommand(CommandType.CONFIG));
        String uri = "redis://no-config:pass@127.0.0.1:" + server.port();

        try (TokenStore store = RedisAdapters.tokenStore(RedisSettings.builder().uri(uri).build())) {
            TokenOwner owner = new TokenOwner(Sku.of("shop"), UserId.of("oNoConfig"));
            TokenHash hash = TokenHash.ofSecret("no-config");
            store.issue(owner, NewToken.of(hash, Duration.ofMinutes(1)), 10);
            assertThat(store.isLive(owner, hash)).isTrue();
            assertThat(policyWarnings()).isEmpty();
        }
    }

    private List<String> policyWarnings() {
        return logs.warnings().stream().filter(line -> line.contains("maxmemory-policy")).toList();
    }
}
