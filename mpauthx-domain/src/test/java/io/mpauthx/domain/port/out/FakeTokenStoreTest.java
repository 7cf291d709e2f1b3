package io.mpauthx.domain.port.out;

import io.mpauthx.domain.testing.FakeTokenStore;

import java.time.Clock;

/** The domain's fake keeps the same promises as the real stores, or the domain's own tests would prove nothing. */
class FakeTokenStoreTest extends TokenStoreContract {

    @Override
    protected TokenStore newStore() {
        return new FakeTokenStore(Clock.systemUTC());
    }
}
