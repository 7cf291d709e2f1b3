package io.mpauthx.bootstrap.reliability;

import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.testing.ForwardingTokenStore;

/** A token store shared by several instances in one test: closing an instance leaves it open for the others. */
final class UnclosedTokenStore extends ForwardingTokenStore {

    UnclosedTokenStore(TokenStore shared) {
        super(shared);
    }

    @Override
    public void close() {
        // the test closes the shared store once every instance is done
    }
}
