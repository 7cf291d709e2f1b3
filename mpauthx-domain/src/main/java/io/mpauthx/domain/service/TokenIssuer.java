package io.mpauthx.domain.service;

import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;

import java.security.SecureRandom;

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

    AccessToken issueAnother(String userId) {
        AccessToken token = AccessToken.generate(ownerOf(userId), random);
        tokenStore.issue(token.owner(), token.hash(), settings.tokenTtl(), settings.maxTokensPerUser());
        return token;
    }

    AccessToken replaceAll(String userId) {
        AccessToken token = AccessToken.generate(ownerOf(userId), random);
        tokenStore.replaceAll(token.owner(), token.hash(), settings.tokenTtl());
        return token;
    }

    TokenOwner ownerOf(String userId) {
        return new TokenOwner(settings.sku(), userId);
    }

    String sku() {
        return settings.sku();
    }
}
