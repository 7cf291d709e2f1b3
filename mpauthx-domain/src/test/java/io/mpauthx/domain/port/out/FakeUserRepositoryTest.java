package io.mpauthx.domain.port.out;

import io.mpauthx.domain.testing.FakeUserRepository;

import java.time.Clock;

/** The domain's fake keeps the same promises as the real repositories. */
class FakeUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository newRepository() {
        return new FakeUserRepository(Clock.systemUTC());
    }
}
