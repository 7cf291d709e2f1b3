package io.mpauthx.domain.testing;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenId;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;

import java.util.List;

/** A token store whose backend is down: every call fails the way a real adapter reports it. */
public final class BrokenTokenStore implements TokenStore {

    private static MpAuthXException down() {
        return new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, "token store is down");
    }

    @Override
    public StoredToken issue(TokenOwner owner, NewToken token, int maxTokensPerOwner) {
        throw down();
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, NewToken token) {
        throw down();
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        throw down();
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenHash hash) {
        throw down();
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenId id) {
        throw down();
    }

    @Override
    public int revokeAll(TokenOwner owner) {
        throw down();
    }

    @Override
    public List<StoredToken> liveTokens(TokenOwner owner) {
        throw down();
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
