package io.mpauthx.domain.service;

import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenId;
import io.mpauthx.domain.TokenInfo;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.in.CheckTokenUseCase;
import io.mpauthx.domain.port.in.ManageTokensUseCase;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The contract's isTokenValid, refreshToken, extract*, revoke* and activeTokens, and the device management of 0.2. */
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
    public Optional<String> extractUserId(String token) {
        return AccessToken.parse(token).map(parsed -> parsed.owner().userId().value());
    }

    @Override
    public Optional<String> extractSku(String token) {
        return AccessToken.parse(token).map(parsed -> parsed.owner().sku().value());
    }

    @Override
    public Optional<String> tokenId(String token) {
        return parseOurs(token).map(parsed -> parsed.hash().id().value());
    }

    @Override
    public AuthResult refreshToken(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "userId is missing or blank");
        }
        UserId registered = UserId.parse(userId).filter(users::exists).orElseThrow(() ->
                new MpAuthXException(StatusCode.USER_NOT_EXIST_IN_DB, "no registered user has this id"));
        return tokens.replaceAll(registered);
    }

    @Override
    public boolean revokeToken(String token) {
        Optional<AccessToken> ours = parseOurs(token);
        return ours.isPresent() && tokenStore.revoke(ours.get().owner(), ours.get().hash());
    }

    @Override
    public boolean revokeToken(String userId, String tokenId) {
        Optional<UserId> user = UserId.parse(userId);
        Optional<TokenId> id = TokenId.parse(tokenId);
        return user.isPresent() && id.isPresent() && tokenStore.revoke(tokens.ownerOf(user.get()), id.get());
    }

    @Override
    public int revokeAllTokens(String userId) {
        return UserId.parse(userId).map(user -> tokenStore.revokeAll(tokens.ownerOf(user))).orElse(0);
    }

    @Override
    public List<TokenInfo> activeTokens(String userId) {
        return UserId.parse(userId)
                .map(user -> tokenStore.liveTokens(tokens.ownerOf(user)).stream().map(StoredToken::info).toList())
                .orElse(List.of());
    }

    /** A token of another sku is somebody else's: never valid here, never revocable from here. */
    private Optional<AccessToken> parseOurs(String token) {
        return AccessToken.parse(token).filter(parsed -> parsed.isFor(tokens.sku()));
    }
}
