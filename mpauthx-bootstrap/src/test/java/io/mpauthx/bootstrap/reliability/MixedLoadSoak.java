package io.mpauthx.bootstrap.reliability;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soak, run only by {@code mvn -Psoak verify}: mixed load of logins, checks and refreshes in the ratio
 * 1:50:1, offered at a fixed rate whatever the latency (calls are started on schedule by a timer and run on a
 * pool, so a slow call does not slow the offered load), on Redis, SQLite and the WeChat sandbox over HTTP. The run
 * is cut into windows; after each, a full GC and the heap it leaves. Heap after GC must stay within 10 % of the
 * first window after warm-up, and the p99 of the last window must stay near the typical one. Prints the figures.
 * {@code -Dmpauthx.soakSeconds} (default 300) and {@code -Dmpauthx.soakLoginsPerSecond} (default 4) tune it.
 */
class MixedLoadSoak {

    private static final Duration RUN = Duration.ofSeconds(Long.getLong("mpauthx.soakSeconds", 300));
    private static final int LOGINS_PER_SECOND = Integer.getInteger("mpauthx.soakLoginsPerSecond", 4);
    private static final int CHECKS_PER_LOGIN = 50;
    private static final int WINDOWS = 10;
    private static final int WORKERS = 16;

    @TempDir
    Path folder;

    @Test
    void heapAndLatencyStayFlatUnderSteadyMixedLoad() throws Exception {
        List<Window> windows = new ArrayList<>();
        List<Long> heapAfterGc = new ArrayList<>();
        try (LocalRedisServer redis = LocalRedisServer.startOnFreePort();
             WeChatSandbox weChat = WeChatSandbox.start("wx-soak", "soak-secret");
             MpAuthX auth = MpAuthX.builder().appId("wx-soak").appSecret("soak-secret").sku("shop")
                     .sqlite(folder.resolve("users.db")).redis(redis.uri())
                     .weChatApiBaseUrl(weChat.baseUrl()).build()) {
            Ledger ledger = new Ledger();
            ThreadLocal<Workload> workloads = ThreadLocal.withInitial(
                    () -> new Workload(auth, weChat, ledger, CHECKS_PER_LOGIN));
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            AtomicReference<CallFigures> current = new AtomicReference<>();
            long periodMicros = 1_000_000L / ((long) LOGINS_PER_SECOND * (CHECKS_PER_LOGIN + 2));
            timer.scheduleAtFixedRate(() -> {
                CallFigures window = current.get();
                if (window != null) {
                    workers.execute(() -> workloads.get().callOnce(window));
                }
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
            for (int index = 0; index < WINDOWS; index++) {
                CallFigures window = new CallFigures("window " + (index + 1) + " of " + RUN.dividedBy(WINDOWS));
                current.set(window);
                timer.schedule(() -> { }, RUN.dividedBy(WINDOWS).toNanos(), TimeUnit.NANOSECONDS).get();
                current.set(null);
                // only the summary is kept, so that the figures of past windows do not grow the heap being measured
                windows.add(new Window(window.toString(), window.failures(), window.percentileMicros(99)));
                heapAfterGc.add(heapAfterFullGc());
            }
            timer.shutdownNow();
            workers.shutdown();
            assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            printFigures(windows, heapAfterGc, ledger.users(), ledger.lost(auth));
            assertThat(ledger.lost(auth)).as("acknowledged logins lost").isZero();
        }

        assertThat(windows).allSatisfy(window -> assertThat(window.failures()).as(window.summary()).isZero());
        long reference = heapAfterGc.get(1);
        assertThat(heapAfterGc.get(WINDOWS - 1)).as("heap after GC, last window vs the first after warm-up")
                .isBetween((long) (reference * 0.9), (long) (reference * 1.1));
        List<Long> p99s = windows.stream().skip(1).map(Window::p99Micros).sorted().toList();
        long typical = p99s.get(p99s.size() / 2);
        assertThat(windows.get(WINDOWS - 1).p99Micros()).as("p99 of the last window vs the median window")
                .isLessThanOrEqualTo(3 * typical + 20_000);
    }

    private static long heapAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void printFigures(List<Window> windows, List<Long> heapAfterGc, int users, long lost) {
        System.out.printf("%nSoak: %s at %d logins/s, logins:checks:refreshes 1:%d:1, fixed rate%n",
                RUN, LOGINS_PER_SECOND, CHECKS_PER_LOGIN);
        for (int index = 0; index < windows.size(); index++) {
            System.out.printf("%s  heap after GC %6.1f MB%n", windows.get(index).summary(), heapAfterGc.get(index) / 1e6);
        }
        System.out.printf("users %d, lost %d%n%n", users, lost);
    }

    /** What is kept of one window once it is over. */
    private record Window(String summary, long failures, long p99Micros) {
    }
}
