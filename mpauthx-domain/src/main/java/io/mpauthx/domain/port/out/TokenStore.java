package io.mpauthx.domain.port.out;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenId;
import io.mpauthx.domain.TokenOwner;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where live tokens are kept, by the hash of their secret, grouped by owner (sku + user). The store is the
 * authority on time: it stamps {@code issuedAt} and enforces expiry itself (a Redis key TTL, a clock).
 *
 * <p>Every method either answers or throws {@link MpAuthXException} with
 * {@link io.mpauthx.domain.StatusCode#DATABASE_RELATED_ERROR} when the store itself failed; a failing store
 * never answers "not live". Implementations are thread-safe. Issue, revoke, revoke-all and replace-all are
 * each atomic.
 */
public interface TokenStore extends AutoCloseable {

    /**
     * Stores a new live token. When the owner would then hold more than {@code maxTokensPerOwner} tokens,
     * expired entries are dropped first, then the earliest issued live tokens are revoked.
     *
     * @param owner whose token it is
     * @param token the new token's hash, lifetime and device label
     * @param maxTokensPerOwner the device cap, at least 1
     * @return the token as stored, with the store's issue and expiry times
     */
    StoredToken issue(TokenOwner owner, NewToken token, int maxTokensPerOwner);

    /**
     * Revokes every token of the owner and issues one new token, as one atomic step: after any number of
     * concurrent calls exactly one token of the owner is live.
     *
     * @param owner whose tokens to replace
     * @param token the new token's hash, lifetime and device label
     * @return the new token as stored
     */
    StoredToken replaceAll(TokenOwner owner, NewToken token);

    /**
     * The hot path: one look-up.
     *
     * @param owner the owner named by the token
     * @param hash the hash of the token's secret
     * @return true if that token was issued to that owner, is not expired and was not revoked
     */
    boolean isLive(TokenOwner owner, TokenHash hash);

    /**
     * {@link #isLive} without blocking the caller's thread. The default runs the blocking check; stores
     * with a non-blocking client override it.
     *
     * @param owner the owner named by the token
     * @param hash the hash of the token's secret
     * @return a stage completed with the answer, or exceptionally with {@link MpAuthXException}
     */
    default CompletionStage<Boolean> isLiveAsync(TokenOwner owner, TokenHash hash) {
        try {
            return CompletableFuture.completedFuture(isLive(owner, hash));
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /**
     * @param owner the owner named by the token
     * @param hash the hash of the token's secret
     * @return true if the token was live and is now revoked
     */
    boolean revoke(TokenOwner owner, TokenHash hash);

    /**
     * Revokes the owner's token with this public id ("log out that device").
     *
     * @param owner the owner the id was listed for
     * @param id the token's public id, as {@link StoredToken#info()} shows it
     * @return true if a live token of the owner had that id and is now revoked
     */
    boolean revoke(TokenOwner owner, TokenId id);

    /**
     * @param owner whose tokens to revoke
     * @return how many live tokens were revoked
     */
    int revokeAll(TokenOwner owner);

    /**
     * @param owner whose tokens to list
     * @return the owner's live tokens, oldest first; never an expired one
     */
    List<StoredToken> liveTokens(TokenOwner owner);

    /** Releases connections and threads. Idempotent. */
    @Override
    void close();
}
