package io.mpauthx.domain.port.in;

import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.TokenInfo;

import java.util.List;

/** Refresh, logout and "where am I logged in" for the tokens of this sku. */
public interface ManageTokensUseCase {

    /**
     * Revokes every live token of the user and issues one new one, atomically.
     *
     * @param userId the user's unionId or openId
     * @return the success result carrying the new token
     * @throws MpAuthXException 6001 when the id is blank, 6010 when the user was never registered,
     *         6000 when a store failed
     */
    AuthResult refreshToken(String userId);

    /**
     * Logs out one device.
     *
     * @param token the token to revoke; malformed input is fine
     * @return true if the token was live
     * @throws MpAuthXException 6000 when the token store failed
     */
    boolean revokeToken(String token);

    /**
     * Logs out one device of the user, named by the id {@link #activeTokens} listed ("log out my other device").
     *
     * @param userId the user's id; malformed input is fine
     * @param tokenId the token's public id; malformed input is fine
     * @return true if a live token of that user had that id and is now revoked
     * @throws MpAuthXException 6000 when the token store failed
     */
    boolean revokeToken(String userId, String tokenId);

    /**
     * Logs out every device of the user for this sku.
     *
     * @param userId the user's id; malformed input is fine
     * @return how many live tokens were revoked
     * @throws MpAuthXException 6000 when the token store failed
     */
    int revokeAllTokens(String userId);

    /**
     * @param userId the user's id; malformed input is fine
     * @return the user's live tokens for this sku, oldest first, described without the token itself
     * @throws MpAuthXException 6000 when the token store failed
     */
    List<TokenInfo> activeTokens(String userId);
}
