package io.mpauthx.domain.service;

import io.mpauthx.domain.AppAccessToken;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.AppCredentials;
import io.mpauthx.domain.port.out.PhoneNumbers;
import io.mpauthx.domain.port.out.SharedAppAccessToken;
import io.mpauthx.domain.testing.Concurrently;
import io.mpauthx.domain.testing.FakeUserRepository;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The phone-number use case and its shared access_token, on hand-written fakes of WeChat and the shared store. */
class PhoneNumberServiceTest {

    private static final PhoneNumber PHONE = new PhoneNumber("+8613800138000", "13800138000", "86");

    private final FakeUserRepository users = new FakeUserRepository(Clock.systemUTC());
    private final CountingCredentials weChat = new CountingCredentials();
    private final OneProcessToken shared = new OneProcessToken();
    private final AtomicInteger rejectionsLeft = new AtomicInteger();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final PhoneNumbers phoneNumbers = (code, token) -> {
        exchanges.incrementAndGet();
        if (rejectionsLeft.getAndDecrement() > 0 || !token.equals(weChat.current)) {
            throw MpAuthXException.fromWeChat(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, 40001, "invalid");
        }
        return PHONE;
    };
    private final PhoneNumberService service = new PhoneNumberService(phoneNumbers,
            new SharedAccessTokenProvider(weChat, shared, Duration.ofSeconds(5)), users);

    @Test
    void concurrentCallsOnAColdStartFetchOneTokenAndStoreTheNumber() throws Exception {
        users.registerIfAbsent(UserId.of("oAnn"));

        Concurrently.run(24, i -> service.phoneNumber("oAnn", "code" + i));

        assertThat(weChat.fetches).hasValue(1);
        assertThat(users.find(UserId.of("oAnn")).orElseThrow().phone()).contains(PHONE);
    }

    @Test
    void aRejectedTokenIsReplacedOnceByAForcedFetch() {
        users.registerIfAbsent(UserId.of("oAnn"));
        service.phoneNumber("oAnn", "first");
        rejectionsLeft.set(1);

        assertThat(service.phoneNumber("oAnn", "second")).isEqualTo(PHONE);
        assertThat(weChat.forcedFetches).hasValue(1);
    }

    @Test
    void aTokenRejectedForeverFailsAfterOneRetry() {
        users.registerIfAbsent(UserId.of("oAnn"));
        rejectionsLeft.set(Integer.MAX_VALUE);

        MpAuthXException failure = catchThrowableOfType(MpAuthXException.class,
                () -> service.phoneNumber("oAnn", "code"));

        assertThat(failure.weChatErrorCode()).hasValue(40001);
        assertThat(exchanges).hasValue(2);
        assertThat(weChat.forcedFetches).hasValue(1);
    }

    @Test
    void anUnknownUserIsRefusedBeforeWeChatIsAsked() {
        MpAuthXException failure = catchThrowableOfType(MpAuthXException.class,
                () -> service.phoneNumber("oNobody", "code"));

        assertThat(failure.statusCode()).isEqualTo(StatusCode.USER_NOT_EXIST_IN_DB);
        assertThat(weChat.fetches).hasValue(0);
    }

    @Test
    void theTokenIsGivenUpBeforeWeChatsExpiry() {
        assertThat(SharedAccessTokenProvider.keepFor(Duration.ofSeconds(7200))).isEqualTo(Duration.ofSeconds(6900));
        assertThat(SharedAccessTokenProvider.keepFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }

    private static final class CountingCredentials implements AppCredentials {
        final AtomicInteger fetches = new AtomicInteger();
        final AtomicInteger forcedFetches = new AtomicInteger();
        volatile String current = "token-0";

        @Override
        public synchronized AppAccessToken fetchStableToken(boolean forceRefresh) {
            fetches.incrementAndGet();
            if (forceRefresh) {
                current = "token-" + forcedFetches.incrementAndGet();
            }
            return new AppAccessToken(current, Duration.ofSeconds(7200));
        }
    }

    /** Without expiry: these tests never reach it. */
    private static final class OneProcessToken implements SharedAppAccessToken {
        private String token;
        private String holder;

        @Override
        public synchronized Optional<String> read() {
            return Optional.ofNullable(token);
        }

        @Override
        public synchronized void write(String newToken, Duration keepFor) {
            token = newToken;
        }

        @Override
        public synchronized boolean tryAcquireRefresh(String newHolder, Duration lease) {
            if (holder != null) {
                return false;
            }
            holder = newHolder;
            return true;
        }

        @Override
        public synchronized void releaseRefresh(String oldHolder) {
            if (oldHolder.equals(holder)) {
                holder = null;
            }
        }
    }
}
