package io.mpauthx.domain.port.in;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.User;

import java.util.Optional;

/** Reading a registered user back, e.g. to show the stored profile. */
public interface FindUserUseCase {

    /**
     * @param userId the user's unionId or openId; any string, null included
     * @return the user, or empty when no user with that well-formed id was registered
     * @throws MpAuthXException 6000 when the user database failed
     */
    Optional<User> findUser(String userId);
}
