package io.mpauthx.domain.port.in;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.User;

/** The avatar and nickname fill-in widgets: what the user chose, checked and stored. */
public interface UpdateProfileUseCase {

    /**
     * Stores the nickname and avatar URL on the user, keeping the rest of the stored profile.
     *
     * @param userId the user's unionId or openId
     * @param nickName 1–64 characters without control, line-separating or direction-overriding characters
     * @param avatarUrl an {@code https} URL of at most 1024 printable ASCII characters, without credentials
     * @return the user as now stored
     * @throws MpAuthXException 6001 for a blank or refused argument (the message says which rule), 6010 for an
     *     unknown user, 6000 when the user database failed
     */
    User updateProfile(String userId, String nickName, String avatarUrl);
}
