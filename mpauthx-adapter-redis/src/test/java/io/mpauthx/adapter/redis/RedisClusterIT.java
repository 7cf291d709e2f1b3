package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisFuture;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreContract;
import io.mpauthx.testkit.redis.LocalRedisCluster;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisClusterExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The store on a real three-primary, three-replica Redis Cluster: same contract, one slot per user, resharding. */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterIT {

    private static final int USERS = 10_000;
    private static final Duration TTL = Duration.ofHours(1);

    private final LocalRedisCluster cluster;

    RedisClusterIT(LocalRedisCluster cluster) {
        this.cluster = cluster;
    }

    /** The shared contract, every store a cluster client of its own. */
    @Nested
    class Contract extends TokenStoreContract {

        @Override
        protected TokenStore newStore() {
            return TestCluster.store(cluster);
        }
    }

    @Test
    void tenThousandUsersSpreadOverEveryPrimaryAndEachUsersKeysShareOneSlotOnOneNode() throws Exception {
        List<TokenOwner> owners = new ArrayList<>();
        List<TokenHash> hashes = new ArrayList<>();
        try (TokenStore store = TestCluster.store(cluster); TestCluster redis = TestCluster.inspect(cluster)) {
            for (int i = 0; i < USERS; i++) {
                owners.add(new TokenOwner(Sku.of("shop"), UserId.of("oSpread" + i)));
                hashes.add(TokenHash.ofSecret("spread-" + i));
                store.issue(owners.get(i), NewToken.of(hashes.get(i), TTL), 10);
            }
            Map<String, List<String[]>> keysByNode = new HashMap<>();
            List<RedisFuture<Long>> slots = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String key = OwnerKey.of(owners.get(i));
                slots.add(redis.async().clusterKeyslot(key));
                slots.add(redis.async().clusterKeyslot(key + ":anything-else-of-the-user"));
            }
            for (int i = 0; i < USERS; i++) {
                int slot = Math.toIntExact(slots.get(2 * i).get());
                assertThat(slots.get(2 * i + 1).get()).as("every key of user %d in one slot", i).isEqualTo(slot);
                keysByNode.computeIfAbsent(redis.primaryIdOf(slot), node -> new ArrayList<>())
                        .add(new String[] {OwnerKey.of(owners.get(i))});
            }

            assertThat(keysByNode.keySet()).as("every primary holds users")
                    .containsExactlyInAnyOrderElementsOf(redis.primaryIds());
            for (Map.Entry<String, List<String[]>> node : keysByNode.entrySet()) {
                assertThat(node.getValue().size()).as("users on " + node.getKey()).isGreaterThan(USERS / 10);
                assertThat(redis.existingOn(node.getKey(), node.getValue()))
                        .as("every user's key on the node owning their slot").isEqualTo(node.getValue().size());
            }
        }
    }

    @Test
    void checksAnswerRightWhileTheSlotOfLiveTokensMovesToAnotherPrimary() {
        TokenOwner owner = new TokenOwner(Sku.of("shop"), UserId.of("oMoving"));
        List<TokenHash> live = List.of(TokenHash.ofSecret("moving-1"), TokenHash.ofSecret("moving-2"),
                TokenHash.ofSecret("moving-3"));
        TokenHash revoked = TokenHash.ofSecret("moving-revoked");
        try (TokenStore store = TestCluster.store(cluster); TestCluster redis = TestCluster.inspect(cluster)) {
            live.forEach(hash -> store.issue(owner, NewToken.of(hash, TTL), 10));
            store.issue(owner, NewToken.of(revoked, TTL), 10);
            store.revoke(owner, revoked);
            int slot = cluster.keySlot(OwnerKey.of(owner));
            LocalRedisServer target = cluster.primaries().stream()
                    .filter(primary -> primary != cluster.primaryOf(slot)).findFirst().orElseThrow();
            long askingBefore = redis.calls(target, "asking");
            List<String> wrong = new ArrayList<>();

            cluster.migrateSlot(slot, target, () -> wrong.addAll(wrongAnswers(store, owner, live, revoked)));
            wrong.addAll(wrongAnswers(store, owner, live, revoked));

            assertThat(wrong).as("checks during and after the move").isEmpty();
            assertThat(redis.calls(target, "asking")).as("the client followed ASK to the importing node")
                    .isGreaterThan(askingBefore);
            assertThat(cluster.primaryOf(slot)).isEqualTo(target);
            TokenHash fresh = TokenHash.ofSecret("moving-fresh");
            store.replaceAll(owner, NewToken.of(fresh, TTL));
            assertThat(store.liveTokens(owner)).hasSize(1);
            assertThat(store.isLive(owner, fresh)).isTrue();
            assertThat(store.isLive(owner, live.get(0))).isFalse();
        }
    }

    @Test
    void theScriptsReachEveryNodeAndANodeThatLostThemRunsThemAgain() {
        TokenOwner owner = new TokenOwner(Sku.of("shop"), UserId.of("oForgetful"));
        try (TokenStore store = TestCluster.store(cluster); TestCluster redis = TestCluster.inspect(cluster)) {
            for (LocalRedisServer running : cluster.nodes().stream().filter(LocalRedisServer::isRunning).toList()) {
                assertThat(redis.node(running).scriptExists(TestCluster.digest(TokenScript.REVOKE_ALL)))
                        .as("scripts loaded on " + running).containsExactly(true);
            }
            LocalRedisServer node = cluster.primaryOf(cluster.keySlot(OwnerKey.of(owner)));
            redis.node(node).scriptFlush();

            TokenHash hash = TokenHash.ofSecret("forgetful");
            store.issue(owner, NewToken.of(hash, TTL), 10);

            assertThat(store.isLive(owner, hash)).isTrue();
            assertThat(redis.node(node).scriptExists(TestCluster.digest(TokenScript.ISSUE))).containsExactly(true);
        }
    }

    private static List<String> wrongAnswers(TokenStore store, TokenOwner owner, List<TokenHash> live,
                                             TokenHash revoked) {
        List<String> wrong = new ArrayList<>();
        for (TokenHash hash : live) {
            if (!store.isLive(owner, hash) || !store.isLiveAsync(owner, hash).toCompletableFuture().join()) {
                wrong.add("live token " + hash.value() + " answered not live");
            }
        }
        if (store.isLive(owner, revoked)) {
            wrong.add("revoked token answered live");
        }
        return wrong;
    }
}
