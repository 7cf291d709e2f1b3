package io.mpauthx.adapter.memory;

import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.UserRepositoryContract;

import java.time.Clock;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository newRepository() {
        return InMemoryAdapters.userRepository(Clock.systemUTC());
    }
}
