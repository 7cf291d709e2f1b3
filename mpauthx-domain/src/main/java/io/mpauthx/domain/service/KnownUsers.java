package io.mpauthx.domain.service;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.UserRepository;

/** The checks shared by the use cases that act on a registered user. */
final class KnownUsers {

    private KnownUsers() {
    }

    static void requireText(String argument, String name) {
        if (argument == null || argument.isBlank()) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, name + " is required");
        }
    }

    /** An id no login could have made names no registered user either. */
    static UserId registered(UserRepository users, String userId) {
        UserId id = UserId.parse(userId).orElseThrow(KnownUsers::unknown);
        if (!users.exists(id)) {
            throw unknown();
        }
        return id;
    }

    static MpAuthXException unknown() {
        return new MpAuthXException(StatusCode.USER_NOT_EXIST_IN_DB, "no user with this id was registered");
    }
}
