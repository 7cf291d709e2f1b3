package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.Concurrently;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Several instances on one real Redis share the app's access_token: one stable_token request per token lifetime,
 * one forced refresh after WeChat rejects it, and no instance waits forever on one that died mid-refresh.
 */
@ExtendWith(RedisServerExtension.class)
class SharedAccessTokenIT {

    private static final int INSTANCES = 3;
    private static final int CALLS = 48;

    private final LocalRedisServer redis;
    /** An app of its own per test: the shared token of another test's app stays in the class's Redis. */
    private final WeChatSandbox weChat = WeChatSandbox.start("wx-shared-" + UUID.randomUUID(), "facade-secret");
    private final List<MpAuthX> instances = new ArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool();

    SharedAccessTokenIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    private MpAuthX instance(Duration lease, Duration requestTimeout) {
        MpAuthX auth = MpAuthX.builder()
                .appId(weChat.appId()).appSecret("facade-secret").sku("shop")
                .inMemoryUserRepository().redis(redis.uri())
                .weChatApiBaseUrl(weChat.baseUrl()).weChatRequestTimeout(requestTimeout)
                .accessTokenRefreshLease(lease)
                .build();
        instances.add(auth);
        return auth;
    }

    private List<MpAuthX> fleet() {
        List<MpAuthX> fleet = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            fleet.add(instance(Duration.ofSeconds(10), Duration.ofSeconds(5)));
        }
        return fleet;
    }

    @AfterEach
    void close() {
        weChat.close();
        instances.forEach(MpAuthX::close);
        background.shutdownNow();
    }

    @Test
    void aColdFleetFetchesTheTokenOnceAndAgainOnceAfterItExpires() throws Exception {
        weChat.accessTokenLifetime(Duration.ofSeconds(2));
        List<MpAuthX> fleet = fleet();
        List<SandboxUser> users = loggedIn(fleet);

        List<PhoneNumber> numbers = concurrentPhoneCalls(fleet, users);
        assertThat(numbers).containsExactlyElementsOf(users.stream().map(SandboxUser::phone).toList());
        assertThat(weChat.stableTokenRequestCount()).as("stable_token requests on a cold start").isEqualTo(1);

        Await.until(Duration.ofSeconds(10), () -> !weChat.hasValidAccessToken(), "the access_token to expire");
        concurrentPhoneCalls(fleet, users);
        assertThat(weChat.stableTokenRequestCount()).as("stable_token requests after expiry").isEqualTo(2);
        assertThat(weChat.phoneNumberRequestCount()).as("no call was refused and retried").isEqualTo(2 * CALLS);
    }

    @Test
    void aTokenInvalidatedBehindOurBackIsRefreshedOnceAndTheCallSucceeds() throws Exception {
        List<MpAuthX> fleet = fleet();
        List<SandboxUser> users = loggedIn(fleet);
        fleet.get(1).phoneNumber(users.get(0).openId(), weChat.newPhoneCode(users.get(0)));

        weChat.invalidateAccessTokens();
        List<PhoneNumber> numbers = concurrentPhoneCalls(fleet, users);

        assertThat(numbers).containsExactlyElementsOf(users.stream().map(SandboxUser::phone).toList());
        assertThat(weChat.stableTokenRequestCount()).as("the first fetch and one forced refresh").isEqualTo(2);
    }

    @Test
    void aTokenRejectedForeverEndsIn6008AfterOneRetry() throws Exception {
        MpAuthX auth = fleet().get(0);
        List<SandboxUser> users = loggedIn(List.of(auth));
        SandboxUser ann = users.get(0);
        auth.phoneNumber(ann.openId(), weChat.newPhoneCode(ann));
        int phoneRequestsBefore = weChat.phoneNumberRequestCount();

        weChat.rejectEveryAccessToken();
        MpAuthXException refused = catchThrowableOfType(MpAuthXException.class,
                () -> auth.phoneNumber(ann.openId(), weChat.newPhoneCode(ann)));

        assertThat(refused.statusCode()).isEqualTo(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR);
        assertThat(refused.weChatErrorCode()).hasValue(40001);
        assertThat(weChat.phoneNumberRequestCount() - phoneRequestsBefore).as("the call and its one retry")
                .isEqualTo(2);
        assertThat(weChat.stableTokenRequestCount()).as("the first fetch and one forced refresh").isEqualTo(2);
    }

    @Test
    void othersTakeOverFromAnInstanceThatDiedHoldingTheRefreshLease() throws Exception {
        Duration lease = Duration.ofSeconds(1);
        MpAuthX dying = instance(lease, Duration.ofSeconds(60));
        MpAuthX survivor = instance(lease, Duration.ofSeconds(5));
        List<SandboxUser> users = loggedIn(List.of(dying, survivor));
        SandboxUser ann = users.get(0);
        weChat.failNext(WeChatFault.STALL);
        CompletableFuture<?> stuck = CompletableFuture.runAsync(() -> catchThrowableOfType(MpAuthXException.class,
                () -> dying.phoneNumber(ann.openId(), weChat.newPhoneCode(ann))), background);
        Await.until(Duration.ofSeconds(10), () -> weChat.stableTokenRequestCount() == 1,
                "the dying instance to hold the lease and wait on stable_token");
        dying.close();

        PhoneNumber phone = survivor.phoneNumber(ann.openId(), weChat.newPhoneCode(ann));

        assertThat(phone).isEqualTo(ann.phone());
        assertThat(stuck).as("the dying instance is still stuck in its refresh").isNotDone();
        assertThat(weChat.stableTokenRequestCount()).isEqualTo(2);
    }

    /** Each instance keeps its users in memory, so every user logs in on each: the tokens are what is shared. */
    private List<SandboxUser> loggedIn(List<MpAuthX> fleet) {
        List<SandboxUser> users = IntStream.range(0, CALLS)
                .mapToObj(i -> SandboxUser.withOpenId("oFleet" + i)).toList();
        fleet.forEach(auth -> users.forEach(user -> auth.authorize(weChat.newLogin(user).code())));
        return users;
    }

    private List<PhoneNumber> concurrentPhoneCalls(List<MpAuthX> fleet, List<SandboxUser> users) throws Exception {
        List<String> codes = users.stream().map(weChat::newPhoneCode).toList();
        return Concurrently.run(CALLS, i -> fleet.get(i % fleet.size()).phoneNumber(users.get(i).openId(),
                codes.get(i)));
    }
}
