package io.mpauthx.adapter.memory;

import io.mpauthx.domain.port.out.RetainedSessionKeys;
import io.mpauthx.domain.port.out.RetainedSessionKeysContract;

import java.time.Clock;

/** The retained session-key contract in process memory. */
class InMemoryRetainedSessionKeysTest extends RetainedSessionKeysContract {

    @Override
    protected RetainedSessionKeys newStore() {
        return InMemoryAdapters.retainedSessionKeys(Clock.systemUTC());
    }
}
