package io.mpauthx.domain.service;

import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.Identifiers;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenInfo;
import io.mpauthx.domain.port.in.CheckTokenUseCase;
import io.mpauthx.domain.port.in.ManageTokensUseCase;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** SPEC §4 isTokenValid, refreshToken, extract*, revoke* and activeTokens. */
final class TokenService implements CheckTokenUseCase, ManageTokensUseCase {

    private final TokenStore tokenStore;
    private final UserRepository users;
    private final TokenIssuer tokens;

    TokenService(TokenStore tokenStore, UserRepository users, TokenIssuer tokens) {
        this.tokenStore = tokenStore;
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public boolean isTokenValid(String token) {
        Optional<AccessToken> ours = parseOurs(token);
        return ours.isPresent() && tokenStore.isLive(ours.get().owner(), ours.get().hash());
    }

    @Override
    public CompletionStage<Boolean> isTokenValidAsync(String token) {
        Optional<AccessToken> ours = parseOurs(token);
        if (ours.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        return tokenStore.isLiveAsync(ours.get().owner(), ours.get().hash());
    }

    @Override
    public Optional<String> extractOpenId(String token) {
        return AccessToken.parse(token).map(AccessToken::userId);
    }

    @Override
    public Optional<String> extractSku(String token) {
        return AccessToken.parse(token).map(AccessToken::sku);
    }

    @Override
    public AuthResult refreshToken(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "userId is missing or blank");
        }
        if (!Identifiers.isValidUserId(userId) || !users.exists(userId)) {
            throw new MpAuthXException(StatusCode.USER_NOT_EXIST_IN_DB, "no registered user has this id");
        }
        return AuthResult.success(tokens.replaceAll(userId));
    }

    @Override
    public boolean revokeToken(String token) {
        Optional<AccessToken> ours = parseOurs(token);
        return ours.isPresent() && tokenStore.revoke(ours.get().owner(), ours.get().hash());
    }

    @Override
    public int revokeAllTokens(String userId) {
        return Identifiers.isValidUserId(userId) ? tokenStore.revokeAll(tokens.ownerOf(userId)) : 0;
    }

    @Override
    public List<TokenInfo> activeTokens(String userId) {
        if (!Identifiers.isValidUserId(userId)) {
            return List.of();
        }
        return tokenStore.liveTokens(tokens.ownerOf(userId)).stream().map(StoredToken::info).toList();
    }

    /** A token of another sku is somebody else's: never valid here, never revocable from here. */
    private Optional<AccessToken> parseOurs(String token) {
        return AccessToken.parse(token).filter(parsed -> parsed.isFor(tokens.sku()));
    }
}
