package io.mpauthx.domain.port.out;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.UserId;

/**
 * Encrypts a user's WeChat session_key before it is kept, and decrypts it when it is needed again, so that no
 * store ever holds a session_key in any readable encoding. A sealed key opens only for the user it was sealed
 * for: one copied to another user's entry does not open.
 */
public interface SessionKeySealer {

    /**
     * @param user whose session_key it is
     * @param sessionKey base64 of the 16-byte key WeChat gave at login; a secret
     * @return printable ASCII text that reveals nothing about the key
     */
    String seal(UserId user, String sessionKey);

    /**
     * @param user whose session_key it is
     * @param sealed what {@link #seal} returned for that user
     * @return the session_key
     * @throws MpAuthXException 6011 when the text was not sealed for this user with the current key (tampered,
     *     another user's, or sealed before the sealing key changed): the user must log in again
     */
    String open(UserId user, String sealed);
}
