package io.mpauthx.bootstrap.reliability;

import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** A token store shared by several instances in one test: closing an instance leaves it open for the others. */
record UnclosedTokenStore(TokenStore shared) implements TokenStore {

    @Override
    public StoredToken issue(TokenOwner owner, TokenHash hash, Duration ttl, int maxTokensPerOwner) {
        return shared.issue(owner, hash, ttl, maxTokensPerOwner);
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, TokenHash hash, Duration ttl) {
        return shared.replaceAll(owner, hash, ttl);
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        return shared.isLive(owner, hash);
    }

    @Override
    public CompletionStage<Boolean> isLiveAsync(TokenOwner owner, TokenHash hash) {
        return shared.isLiveAsync(owner, hash);
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenHash hash) {
        return shared.revoke(owner, hash);
    }

    @Override
    public int revokeAll(TokenOwner owner) {
        return shared.revokeAll(owner);
    }

    @Override
    public List<StoredToken> liveTokens(TokenOwner owner) {
        return shared.liveTokens(owner);
    }

    @Override
    public void close() {
        // the test closes the shared store once every instance is done
    }
}
