package io.mpauthx.bootstrap.reliability;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection with real processes: 16 callers log in, check and refresh through one instance on a
 * real redis-server, a SQLite file and the WeChat sandbox over HTTP, while each fault is injected for one phase:
 * redis-server crashed (SIGKILL) and restarted, the SQLite file made read-only, WeChat stalling, breaking answers
 * off, closing connections, and answering -1, 45011 and HTTP 500. Every call must end within its timeouts with a
 * status code, the instance must recover by itself, no thread or Redis connection may leak, and no acknowledged login
 * may be lost. A phase lasts {@code -Dmpauthx.faultPhaseSeconds} (default 5 in CI; 30 in the soak
 * profile). Prints its figures.
 */
class FaultInjectionIT {

    private static final int CALLERS = 16;
    private static final int CHECKS_PER_LOGIN = 8;
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("mpauthx.faultPhaseSeconds", 5));
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
    private static final Duration WECHAT_TIMEOUT = Duration.ofSeconds(1);
    /** The longest path, a login: WeChat's budget, SQLite's busy wait (10 s), Redis; plus slack for a loaded CI. */
    private static final Duration LONGEST_CALL = WECHAT_TIMEOUT.plusSeconds(10).plus(REDIS_TIMEOUT).plusSeconds(5);

    @TempDir
    Path folder;
    private LocalRedisServer redis;
    private WeChatSandbox weChat;
    private MpAuthX auth;
    private final Ledger ledger = new Ledger();
    private final List<CallFigures> phases = new ArrayList<>();
    /** One per caller, kept across phases: in a fault phase the callers still check the tokens they got before. */
    private final List<Workload> workloads = new ArrayList<>();

    @BeforeEach
    void start() {
        redis = LocalRedisServer.startDurableOnFreePort();
        weChat = WeChatSandbox.start("wx-faults", "fault-secret");
        auth = MpAuthX.builder().appId("wx-faults").appSecret("fault-secret").sku("shop")
                .tokenTtl(Duration.ofHours(1)).sqlite(folder.resolve("users.db"))
                .redis(redis.uri()).redisCommandTimeout(REDIS_TIMEOUT)
                .weChatApiBaseUrl(weChat.baseUrl()).weChatRequestTimeout(WECHAT_TIMEOUT)
                .weChatConnectTimeout(Duration.ofMillis(500)).build();
        for (int caller = 0; caller < CALLERS; caller++) {
            workloads.add(new Workload(auth, weChat, ledger, CHECKS_PER_LOGIN));
        }
    }

    @AfterEach
    void stop() {
        auth.close();
        weChat.close();
        redis.close();
    }

    @Test
    void everyCallEndsWithAStatusCodeAndNothingAcknowledgedIsLost() {
        CallFigures warmUp = phase("healthy warm-up", () -> { }, () -> { });
        long threadsBefore = ResourceCounts.threads();
        int redisClientsBefore = ResourceCounts.redisClients(redis);

        injectEveryFault();
        awaitRecovery();
        CallFigures recovered = phase("recovered", () -> { }, () -> { });

        long threadsAfter = ResourceCounts.threadsSettleTo(threadsBefore, 8, Duration.ofSeconds(30));
        int redisClientsAfter = ResourceCounts.redisClients(redis);
        long lost = ledger.lost(auth);
        printFigures(threadsBefore, threadsAfter, redisClientsBefore, redisClientsAfter, lost);

        assertThat(phases).allSatisfy(phase -> {
            assertThat(phase.outcomes()).as(phase + ": only status codes")
                    .doesNotContainKeys(CallFigures.ESCAPED, StatusCode.UNKNOWN_ERROR.code());
            assertThat(phase.slowestMillis()).as(phase + ": every call within its timeouts")
                    .isLessThanOrEqualTo(LONGEST_CALL.toMillis());
        });
        assertThat(warmUp.failures()).as("healthy warm-up").isZero();
        assertThat(recovered.failures()).as("the instance recovered by itself").isZero();
        assertThat(redisClientsAfter).as("Redis connections").isEqualTo(redisClientsBefore);
        assertThat(threadsAfter).as("threads").isLessThanOrEqualTo(threadsBefore + 8);
        assertThat(lost).as("acknowledged logins lost").isZero();
    }

    /** Each fault for one phase, asserting that the phase's calls met it with its code. */
    private void injectEveryFault() {
        assertThat(phase("redis-server crashed", redis::crash, redis::start).outcomes())
                .as("Redis down is 6000").containsKey(6000);
        try (ReadOnlySqliteFile database = new ReadOnlySqliteFile(folder.resolve("users.db"))) {
            assertThat(phase("SQLite file read-only", database::markReadOnly, database::markWritable).outcomes())
                    .as("a read-only database is 6000").containsKey(6000);
        }
        assertThat(weChatPhase("WeChat stalls", WeChatFault.STALL).outcomes())
                .as("a stalled WeChat is 6006").containsKey(6006);
        assertThat(weChatPhase("WeChat breaks answers off", WeChatFault.BROKEN_BODY, WeChatFault.CONNECTION_RESET)
                .outcomes().keySet()).as("broken answers are 6005/6006").containsAnyOf(6005, 6006);
        assertThat(weChatPhase("WeChat -1, 45011, 500", WeChatFault.SYSTEM_BUSY, WeChatFault.RATE_LIMITED,
                WeChatFault.SERVER_ERROR).outcomes()).as("errcodes are 6008, HTTP 500 is 6002").containsKeys(6008, 6002);
    }

    private CallFigures weChatPhase(String name, WeChatFault... faults) {
        CallFigures figures = new CallFigures(name);
        Duration slice = PHASE.dividedBy(faults.length);
        for (WeChatFault fault : faults) {
            weChat.failEveryRequest(fault);
            runCallers(figures, slice);
            weChat.heal();
        }
        phases.add(figures);
        return figures;
    }

    private CallFigures phase(String name, Runnable injectFault, Runnable endFault) {
        CallFigures figures = new CallFigures(name);
        injectFault.run();
        try {
            runCallers(figures, PHASE);
        } finally {
            endFault.run();
        }
        phases.add(figures);
        return figures;
    }

    private void runCallers(CallFigures figures, Duration duration) {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        long end = System.nanoTime() + duration.toNanos();
        for (Workload workload : workloads) {
            callers.execute(() -> {
                while (System.nanoTime() - end < 0) {
                    workload.callOnce(figures);
                }
            });
        }
        callers.shutdown();
        try {
            assertThat(callers.awaitTermination(duration.plus(LONGEST_CALL).toSeconds(), TimeUnit.SECONDS))
                    .as("callers of " + figures + " finished").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Nobody restarts the instance: the next login and check succeed once every fault is gone. */
    private void awaitRecovery() {
        Await.until(Duration.ofSeconds(30), () -> {
            try {
                String token = auth.authorize(weChat.newLogin(SandboxUser.withOpenId("oRecovered")).code()).token();
                return auth.isTokenValid(token);
            } catch (RuntimeException notYet) {
                return false;
            }
        }, "a login and a check succeed after the faults");
    }

    private void printFigures(long threadsBefore, long threadsAfter, int clientsBefore, int clientsAfter, long lost) {
        System.out.printf("%nFault injection: %d callers, %s per phase%n", CALLERS, PHASE);
        phases.forEach(System.out::println);
        long calls = phases.stream().mapToLong(CallFigures::calls).sum();
        long failed = phases.stream().mapToLong(CallFigures::failures).sum();
        System.out.printf("total calls %d, failed %d; acknowledged logins %d, lost %d; threads %d -> %d;"
                + " Redis clients %d -> %d%n%n", calls, failed, ledger.users(), lost, threadsBefore, threadsAfter,
                clientsBefore, clientsAfter);
    }
}
