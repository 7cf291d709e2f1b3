package io.mpauthx.bootstrap.reliability;

import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.domain.port.out.TokenStore;

import java.time.Clock;

/** Token forgery against the embedded token store. */
class InMemoryTokenForgeryProperties extends TokenForgeryContract {

    @Override
    protected TokenStore newTokenStore() {
        return InMemoryAdapters.tokenStore(Clock.systemUTC());
    }
}
