package io.mpauthx.domain.service;

import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.DeviceLabel;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.TokenStore;

import java.security.SecureRandom;
import java.util.Optional;

/** Makes tokens for this sku and hands their hashes to the store; shared by login and refresh. */
final class TokenIssuer {

    private final AuthSettings settings;
    private final TokenStore tokenStore;
    private final SecureRandom random;

    TokenIssuer(AuthSettings settings, TokenStore tokenStore, SecureRandom random) {
        this.settings = settings;
        this.tokenStore = tokenStore;
        this.random = random;
    }

    /** Another device of the user: the store enforces the device cap. */
    AuthResult issueAnother(UserId userId, Optional<DeviceLabel> device) {
        AccessToken token = AccessToken.generate(ownerOf(userId), random);
        StoredToken stored = tokenStore.issue(token.owner(), newToken(token, device), settings.maxTokensPerUser());
        return AuthResult.success(token, stored);
    }

    /** Every token of the user replaced by this one. */
    AuthResult replaceAll(UserId userId) {
        AccessToken token = AccessToken.generate(ownerOf(userId), random);
        StoredToken stored = tokenStore.replaceAll(token.owner(), newToken(token, Optional.empty()));
        return AuthResult.success(token, stored);
    }

    TokenOwner ownerOf(UserId userId) {
        return new TokenOwner(settings.sku(), userId);
    }

    Sku sku() {
        return settings.sku();
    }

    private NewToken newToken(AccessToken token, Optional<DeviceLabel> device) {
        return new NewToken(token.hash(), settings.tokenTtl(), device);
    }
}
