package io.mpauthx.spring;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who a valid token belongs to: {@code @AuthenticationPrincipal MpAuthXPrincipal me}, or
 * {@code authentication.getName()} for the user id. Carries no secret: the token itself is not kept here.
 */
public final class MpAuthXPrincipal implements OAuth2AuthenticatedPrincipal {

    /** The attribute holding the user id, as in token introspection. */
    public static final String USER_ID = "sub";
    /** The attribute holding the sku. */
    public static final String SKU = "sku";
    /** The attribute holding the token's public id, as {@code MpAuthX.activeTokens} lists it. */
    public static final String TOKEN_ID = "token_id";

    private final String userId;
    private final String sku;
    private final String tokenId;

    /**
     * @param userId the unionId or openId inside the token
     * @param sku the sku the token was issued for
     * @param tokenId the token's public id
     */
    public MpAuthXPrincipal(String userId, String sku, String tokenId) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.sku = Objects.requireNonNull(sku, "sku");
        this.tokenId = Objects.requireNonNull(tokenId, "tokenId");
    }

    /** @return the user id: the unionId when WeChat gave one at login, else the openId */
    public String userId() {
        return userId;
    }

    /** @return the sku the token was issued for */
    public String sku() {
        return sku;
    }

    /** @return the token's public id ("this device" in {@code activeTokens}) */
    public String tokenId() {
        return tokenId;
    }

    /** @return the user id */
    @Override
    public String getName() {
        return userId;
    }

    /** @return {@code sub}, {@code sku} and {@code token_id} */
    @Override
    public Map<String, Object> getAttributes() {
        return Map.of(USER_ID, userId, SKU, sku, TOKEN_ID, tokenId);
    }

    /** @return none: what a user may do is the application's to decide */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of();
    }

    @Override
    public String toString() {
        return "MpAuthXPrincipal[userId=" + userId + ", sku=" + sku + "]";
    }
}
