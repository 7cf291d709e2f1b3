package io.mpauthx.adapter.memory;

import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.service.UseCasesContract;

import java.time.Clock;

/** The whole behaviour of SPEC §4 on the embedded default stores. */
class InMemoryUseCasesTest extends UseCasesContract {

    @Override
    protected TokenStore newTokenStore() {
        return InMemoryAdapters.tokenStore(Clock.systemUTC());
    }

    @Override
    protected UserRepository newUserRepository() {
        return InMemoryAdapters.userRepository(Clock.systemUTC());
    }
}
