package io.mpauthx.domain.port.out;

import io.mpauthx.domain.DeviceLabel;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.Concurrently;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link TokenStore} must do. Each implementation's test extends this and supplies a fresh store;
 * owners are unique per test, so a shared backing server needs no flushing.
 */
public abstract class TokenStoreContract {

    /** A lifetime no test outlives. */
    protected static final Duration LONG_TTL = Duration.ofHours(1);
    /** A lifetime tests wait out. */
    protected static final Duration SHORT_TTL = Duration.ofMillis(300);
    private static final Duration EXPIRY_WAIT = Duration.ofSeconds(10);

    protected TokenStore store;

    /** @return a new, empty-for-these-owners store */
    protected abstract TokenStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static TokenOwner newOwner() {
        return new TokenOwner(Sku.of("shop"), UserId.of("user_" + UUID.randomUUID().toString().replace("-", "")));
    }

    protected static TokenHash newHash() {
        return TokenHash.ofSecret(UUID.randomUUID().toString());
    }

    @Test
    void issuedTokenIsLive() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        store.issue(owner, NewToken.of(hash, LONG_TTL), 10);
        assertThat(store.isLive(owner, hash)).isTrue();
    }

    @Test
    void unknownTokenIsNotLive() {
        assertThat(store.isLive(newOwner(), newHash())).isFalse();
    }

    @Test
    void tokenIsLiveOnlyForTheOwnerItWasIssuedTo() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        store.issue(owner, NewToken.of(hash, LONG_TTL), 10);
        assertThat(store.isLive(newOwner(), hash)).isFalse();
        assertThat(store.isLive(new TokenOwner(Sku.of("other-sku"), owner.userId()), hash)).isFalse();
    }

    @Test
    void issueStampsTheLifetime() {
        StoredToken stored = store.issue(newOwner(), NewToken.of(newHash(), LONG_TTL), 10);
        assertThat(Duration.between(stored.issuedAt(), stored.expiresAt())).isEqualTo(LONG_TTL);
    }

    @Test
    void asyncCheckAgreesWithBlockingCheck() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        store.issue(owner, NewToken.of(hash, LONG_TTL), 10);
        assertThat(store.isLiveAsync(owner, hash).toCompletableFuture().join()).isTrue();
        assertThat(store.isLiveAsync(owner, newHash()).toCompletableFuture().join()).isFalse();
    }

    @Test
    void revokeEndsOneTokenAndReportsWhetherItWasLive() {
        TokenOwner owner = newOwner();
        TokenHash first = newHash();
        TokenHash second = newHash();
        store.issue(owner, NewToken.of(first, LONG_TTL), 10);
        store.issue(owner, NewToken.of(second, LONG_TTL), 10);

        assertThat(store.revoke(owner, first)).isTrue();
        assertThat(store.revoke(owner, first)).isFalse();
        assertThat(store.isLive(owner, first)).isFalse();
        assertThat(store.isLive(owner, second)).isTrue();
        assertThat(store.liveTokens(owner)).extracting(StoredToken::hash).containsExactly(second);
    }

    @Test
    void revokeAllEndsEveryTokenOfTheOwnerOnly() {
        TokenOwner owner = newOwner();
        TokenOwner bystander = newOwner();
        TokenHash bystanderHash = newHash();
        store.issue(bystander, NewToken.of(bystanderHash, LONG_TTL), 10);
        for (int i = 0; i < 3; i++) {
            store.issue(owner, NewToken.of(newHash(), LONG_TTL), 10);
        }

        assertThat(store.revokeAll(owner)).isEqualTo(3);
        assertThat(store.revokeAll(owner)).isZero();
        assertThat(store.liveTokens(owner)).isEmpty();
        assertThat(store.isLive(bystander, bystanderHash)).isTrue();
    }

    @Test
    void replaceAllLeavesOnlyTheNewToken() {
        TokenOwner owner = newOwner();
        TokenHash old = newHash();
        store.issue(owner, NewToken.of(old, LONG_TTL), 10);
        store.issue(owner, NewToken.of(newHash(), LONG_TTL), 10);
        TokenHash fresh = newHash();

        store.replaceAll(owner, NewToken.of(fresh, LONG_TTL));

        assertThat(store.isLive(owner, old)).isFalse();
        assertThat(store.isLive(owner, fresh)).isTrue();
        assertThat(store.liveTokens(owner)).extracting(StoredToken::hash).containsExactly(fresh);
    }

    @Test
    void capRevokesTheOldestLiveToken() {
        TokenOwner owner = newOwner();
        TokenHash oldest = newHash();
        TokenHash middle = newHash();
        TokenHash newest = newHash();
        store.issue(owner, NewToken.of(oldest, LONG_TTL), 2);
        store.issue(owner, NewToken.of(middle, LONG_TTL), 2);
        store.issue(owner, NewToken.of(newest, LONG_TTL), 2);

        assertThat(store.isLive(owner, oldest)).isFalse();
        assertThat(store.liveTokens(owner)).extracting(StoredToken::hash).containsExactly(middle, newest);
    }

    @Test
    void capDropsExpiredTokensBeforeRevokingALiveOne() {
        TokenOwner owner = newOwner();
        TokenHash shortLived = newHash();
        TokenHash longLived = newHash();
        store.issue(owner, NewToken.of(shortLived, SHORT_TTL), 2);
        store.issue(owner, NewToken.of(longLived, LONG_TTL), 2);
        awaitExpiry(owner, shortLived);

        TokenHash newest = newHash();
        store.issue(owner, NewToken.of(newest, LONG_TTL), 2);

        assertThat(store.isLive(owner, longLived)).isTrue();
        assertThat(store.isLive(owner, newest)).isTrue();
    }

    @Test
    void liveTokensAreListedOldestFirstWithTheirLifetimes() {
        TokenOwner owner = newOwner();
        StoredToken first = store.issue(owner, NewToken.of(newHash(), LONG_TTL), 10);
        StoredToken second = store.issue(owner, NewToken.of(newHash(), LONG_TTL), 10);

        List<StoredToken> live = store.liveTokens(owner);

        assertThat(live).extracting(StoredToken::hash).containsExactly(first.hash(), second.hash());
        assertThat(live.get(0).expiresAt()).isEqualTo(first.expiresAt());
        assertThat(live.get(0).issuedAt()).isEqualTo(first.issuedAt());
    }

    @Test
    void expiredTokenStopsBeingLiveAndLeavesTheListing() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        store.issue(owner, NewToken.of(hash, SHORT_TTL), 10);
        awaitExpiry(owner, hash);
        assertThat(store.liveTokens(owner)).isEmpty();
        assertThat(store.revoke(owner, hash)).isFalse();
        assertThat(store.revokeAll(owner)).isZero();
    }

    @Test
    void concurrentReplaceAllLeavesExactlyOneLiveToken() throws Exception {
        TokenOwner owner = newOwner();
        store.issue(owner, NewToken.of(newHash(), LONG_TTL), 10);

        List<TokenHash> issued = Concurrently.run(32, i -> {
            TokenHash hash = newHash();
            store.replaceAll(owner, NewToken.of(hash, LONG_TTL));
            return hash;
        });

        List<StoredToken> live = store.liveTokens(owner);
        assertThat(live).hasSize(1);
        assertThat(issued).contains(live.get(0).hash());
        assertThat(issued.stream().filter(hash -> store.isLive(owner, hash))).hasSize(1);
    }

    @Test
    void concurrentIssuesNeverExceedTheCap() throws Exception {
        TokenOwner owner = newOwner();

        List<TokenHash> issued = Concurrently.run(32, i -> {
            TokenHash hash = newHash();
            store.issue(owner, NewToken.of(hash, LONG_TTL), 10);
            return hash;
        });

        List<StoredToken> live = store.liveTokens(owner);
        assertThat(live).hasSize(10);
        assertThat(issued.stream().filter(hash -> store.isLive(owner, hash))).hasSize(10);
        assertThat(issued).containsAll(live.stream().map(StoredToken::hash).toList());
    }

    @Test
    void closeIsIdempotentAndAClosedStoreFailsInsteadOfAnswering() {
        TokenStore another = newStore();
        another.close();
        another.close();
        assertThatThrownBy(() -> another.isLive(newOwner(), newHash())).isInstanceOfSatisfying(
                MpAuthXException.class, e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
        assertThat(store.isLive(newOwner(), newHash())).as("other stores go on").isFalse();
    }

    @Test
    void aDeviceLabelIsKeptWithItsToken() {
        TokenOwner owner = newOwner();
        TokenHash labelled = newHash();
        TokenHash unlabelled = newHash();
        StoredToken stored = store.issue(owner, new NewToken(labelled, LONG_TTL, Optional.of(DeviceLabel.of("平板 📱"))),
                10);
        store.issue(owner, NewToken.of(unlabelled, LONG_TTL), 10);

        assertThat(stored.device()).contains(DeviceLabel.of("平板 📱"));
        assertThat(store.liveTokens(owner)).extracting(StoredToken::device)
                .containsExactly(Optional.of(DeviceLabel.of("平板 📱")), Optional.empty());
    }

    @Test
    void aTokenIsRevokedByItsPublicIdOnlyForItsOwner() {
        TokenOwner owner = newOwner();
        TokenHash phone = newHash();
        TokenHash tablet = newHash();
        store.issue(owner, NewToken.of(phone, LONG_TTL), 10);
        store.issue(owner, NewToken.of(tablet, LONG_TTL), 10);

        assertThat(store.revoke(newOwner(), tablet.id())).as("another owner").isFalse();
        assertThat(store.revoke(owner, tablet.id())).isTrue();
        assertThat(store.revoke(owner, tablet.id())).isFalse();

        assertThat(store.isLive(owner, tablet)).isFalse();
        assertThat(store.isLive(owner, phone)).isTrue();
        assertThat(store.liveTokens(owner)).extracting(StoredToken::hash).containsExactly(phone);
    }

    protected void awaitExpiry(TokenOwner owner, TokenHash hash) {
        Await.until(EXPIRY_WAIT, () -> !store.isLive(owner, hash), "token expires by its TTL");
    }
}
