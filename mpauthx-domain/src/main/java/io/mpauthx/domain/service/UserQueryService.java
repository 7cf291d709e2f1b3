package io.mpauthx.domain.service;

import io.mpauthx.domain.UserId;
import io.mpauthx.domain.User;
import io.mpauthx.domain.port.in.FindUserUseCase;
import io.mpauthx.domain.port.out.UserRepository;

import java.util.Optional;

/** Looks users up; ids that no login could have registered are answered without asking the database. */
final class UserQueryService implements FindUserUseCase {

    private final UserRepository users;

    UserQueryService(UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<User> findUser(String userId) {
        return UserId.parse(userId).flatMap(users::find);
    }
}
