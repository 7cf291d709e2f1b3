package io.mpauthx.domain.service;

import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.port.in.AuthorizeUseCase;
import io.mpauthx.domain.port.in.CheckTokenUseCase;
import io.mpauthx.domain.port.in.FindUserUseCase;
import io.mpauthx.domain.port.in.ManageTokensUseCase;
import io.mpauthx.domain.port.in.PhoneNumberUseCase;
import io.mpauthx.domain.port.in.UpdateProfileUseCase;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.WeChatGateway;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Builds the use cases from the settings and the four outgoing ports. The services behind them stay
 * package-private; callers see only the {@code port.in} interfaces.
 */
public final class UseCases {

    private final AuthorizationService authorization;
    private final TokenService tokenService;
    private final UserQueryService userQueries;
    private final PhoneNumberService phoneNumbers;
    private final ProfileService profiles;

    private UseCases(AuthorizationService authorization, TokenService tokenService, UserQueryService userQueries,
                     PhoneNumberService phoneNumbers, ProfileService profiles) {
        this.authorization = authorization;
        this.tokenService = tokenService;
        this.userQueries = userQueries;
        this.phoneNumbers = phoneNumbers;
        this.profiles = profiles;
    }

    /**
     * @param settings app id, sku, TTL and device cap
     * @param tokenStore where tokens live
     * @param users where users are registered
     * @param weChat jscode2session
     * @param decryptor the user-data decryptor
     * @param random the source of token secrets
     * @return the wired use cases
     */
    public static UseCases create(AuthSettings settings, TokenStore tokenStore, UserRepository users,
                                  WeChatGateway weChat, Decryptor decryptor, SecureRandom random) {
        return create(settings, tokenStore, users, weChat, decryptor, random, ServerApiPorts.unavailable());
    }

    /**
     * As the other {@code create}, with WeChat's server APIs: phone numbers and the shared access_token.
     *
     * @param settings app id, sku, TTL and device cap
     * @param tokenStore where tokens live
     * @param users where users are registered
     * @param weChat jscode2session
     * @param decryptor the user-data decryptor
     * @param random the source of token secrets
     * @param serverApis stable_token, the shared access_token and getuserphonenumber
     * @return the wired use cases
     */
    public static UseCases create(AuthSettings settings, TokenStore tokenStore, UserRepository users,
                                  WeChatGateway weChat, Decryptor decryptor, SecureRandom random,
                                  ServerApiPorts serverApis) {
        Objects.requireNonNull(serverApis, "serverApis");
        TokenIssuer issuer = new TokenIssuer(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(tokenStore, "tokenStore"), Objects.requireNonNull(random, "random"));
        return new UseCases(
                new AuthorizationService(Objects.requireNonNull(weChat, "weChat"),
                        Objects.requireNonNull(decryptor, "decryptor"), Objects.requireNonNull(users, "users"), issuer),
                new TokenService(tokenStore, users, issuer),
                new UserQueryService(users),
                new PhoneNumberService(serverApis.phoneNumbers(), new SharedAccessTokenProvider(
                        serverApis.credentials(), serverApis.sharedToken(), serverApis.refreshLease()), users),
                new ProfileService(users));
    }

    /** @return login */
    public AuthorizeUseCase authorize() {
        return authorization;
    }

    /** @return token checks and parsing */
    public CheckTokenUseCase checkTokens() {
        return tokenService;
    }

    /** @return reading registered users */
    public FindUserUseCase findUsers() {
        return userQueries;
    }

    /** @return the phone-number button's exchange */
    public PhoneNumberUseCase phoneNumbers() {
        return phoneNumbers;
    }

    /** @return the avatar and nickname fill-in */
    public UpdateProfileUseCase profiles() {
        return profiles;
    }

    /** @return refresh, revoke and listing */
    public ManageTokensUseCase manageTokens() {
        return tokenService;
    }
}
