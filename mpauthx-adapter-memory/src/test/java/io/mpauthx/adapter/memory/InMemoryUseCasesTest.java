package io.mpauthx.adapter.memory;

import io.mpauthx.domain.service.AuthorizeContract;
import io.mpauthx.domain.service.CheckTokenContract;
import io.mpauthx.domain.service.FindUserContract;
import io.mpauthx.domain.service.ManageTokensContract;
import io.mpauthx.domain.service.UseCaseStores;
import org.junit.jupiter.api.Nested;

import java.time.Clock;

/** The whole behaviour of the use cases on the embedded default stores. */
class InMemoryUseCasesTest {

    private static final UseCaseStores IN_MEMORY = UseCaseStores.of(
            () -> InMemoryAdapters.tokenStore(Clock.systemUTC()),
            () -> InMemoryAdapters.userRepository(Clock.systemUTC()));

    @Nested
    class Authorize extends AuthorizeContract {
        @Override
        protected UseCaseStores stores() {
            return IN_MEMORY;
        }
    }

    @Nested
    class CheckTokens extends CheckTokenContract {
        @Override
        protected UseCaseStores stores() {
            return IN_MEMORY;
        }
    }

    @Nested
    class ManageTokens extends ManageTokensContract {
        @Override
        protected UseCaseStores stores() {
            return IN_MEMORY;
        }
    }

    @Nested
    class FindUsers extends FindUserContract {
        @Override
        protected UseCaseStores stores() {
            return IN_MEMORY;
        }
    }
}
