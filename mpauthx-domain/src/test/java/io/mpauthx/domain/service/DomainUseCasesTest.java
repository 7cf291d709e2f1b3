package io.mpauthx.domain.service;

import io.mpauthx.domain.testing.FakeTokenStore;
import io.mpauthx.domain.testing.FakeUserRepository;
import org.junit.jupiter.api.Nested;

import java.time.Clock;

/** The domain tests its own use cases, on the simplest fakes of its ports; the adapters run the same contracts. */
class DomainUseCasesTest {

    private static final UseCaseStores FAKES = UseCaseStores.of(() -> new FakeTokenStore(Clock.systemUTC()),
            () -> new FakeUserRepository(Clock.systemUTC()));

    @Nested
    class Authorize extends AuthorizeContract {
        @Override
        protected UseCaseStores stores() {
            return FAKES;
        }
    }

    @Nested
    class CheckTokens extends CheckTokenContract {
        @Override
        protected UseCaseStores stores() {
            return FAKES;
        }
    }

    @Nested
    class ManageTokens extends ManageTokensContract {
        @Override
        protected UseCaseStores stores() {
            return FAKES;
        }
    }

    @Nested
    class FindUsers extends FindUserContract {
        @Override
        protected UseCaseStores stores() {
            return FAKES;
        }
    }
}
