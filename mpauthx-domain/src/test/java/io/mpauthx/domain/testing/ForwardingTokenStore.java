package io.mpauthx.domain.testing;

import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenId;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** A token store that hands every call to another one; tests override only the calls they watch or change. */
public abstract class ForwardingTokenStore implements TokenStore {

    private final TokenStore delegate;

    /** @param delegate the store every call goes to */
    protected ForwardingTokenStore(TokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public StoredToken issue(TokenOwner owner, NewToken token, int maxTokensPerOwner) {
        return delegate.issue(owner, token, maxTokensPerOwner);
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, NewToken token) {
        return delegate.replaceAll(owner, token);
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        return delegate.isLive(owner, hash);
    }

    @Override
    public CompletionStage<Boolean> isLiveAsync(TokenOwner owner, TokenHash hash) {
        return delegate.isLiveAsync(owner, hash);
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenHash hash) {
        return delegate.revoke(owner, hash);
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenId id) {
        return delegate.revoke(owner, id);
    }

    @Override
    public int revokeAll(TokenOwner owner) {
        return delegate.revokeAll(owner);
    }

    @Override
    public List<StoredToken> liveTokens(TokenOwner owner) {
        return delegate.liveTokens(owner);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
