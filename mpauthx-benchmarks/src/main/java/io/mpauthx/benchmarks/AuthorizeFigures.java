package io.mpauthx.benchmarks;

import io.mpauthx.adapter.redis.RedisAdapters;
import io.mpauthx.adapter.redis.RedisSettings;
import io.mpauthx.adapter.sqlite.SqliteAdapters;
import io.mpauthx.adapter.wechat.WeChatAdapters;
import io.mpauthx.adapter.wechat.WeChatSettings;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.WeChatGateway;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.WeChatSandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Figure 3: {@code authorize} end to end (old flow: code, encryptedData and iv) against the WeChat sandbox on
 * loopback, a SQLite file and Redis, at 1 and 16 callers, with the share of time in each port. The reference is
 * the sandbox's jscode2session alone through the same gateway: no login can be faster than the WeChat call in it.
 */
final class AuthorizeFigures {

    private static final String APP_ID = "wx-benchmark";
    private static final String APP_SECRET = "benchmark-secret";
    private static final String RATE = "logins/s";
    private static final int USERS = 2_000;
    /** Logins made ahead per caller-second of a run, above what the machine is expected to manage. */
    private static final int LOGINS_PER_SECOND_AHEAD = 400;

    private final LocalRedisServer redis;
    private final Plan plan;
    private final Report report;

    AuthorizeFigures(LocalRedisServer redis, Plan plan, Report report) {
        this.redis = redis;
        this.plan = plan;
        this.report = report;
    }

    void run() {
        Path folder = temporaryFolder();
        try (WeChatSandbox weChat = WeChatSandbox.start(APP_ID, APP_SECRET)) {
            WeChatGateway gateway = WeChatAdapters.gateway(WeChatSettings.builder().appId(APP_ID)
                    .appSecret(APP_SECRET).baseUrl(weChat.baseUrl()).build());
            measure("3a", 1, weChat, gateway, folder.resolve("users-1.db"), Goal.NONE);
            measure("3b", Plan.LOGIN_CALLERS, weChat, gateway, folder.resolve("users-16.db"),
                    Goal.valueAtLeast(3_000, RATE));
        } finally {
            delete(folder);
        }
    }

    private void measure(String id, int callers, WeChatSandbox weChat, WeChatGateway gateway, Path database,
                         Goal goal) {
        double reference = jscode2sessionAlone(callers, weChat, gateway);
        PortTimes times = new PortTimes();
        try (MpAuthX auth = timedMpAuthX(times, gateway, database)) {
            LoginPool logins = new LoginPool(weChat, USERS, poolSize(plan, callers));
            double rate = new LoadDriver(plan.warmup(), plan.measure()).throughput(callers, () -> {
                SandboxLogin login = logins.next();
                AuthResult result = times.time(PortTimes.Part.WHOLE_CALL,
                        () -> auth.authorize(login.code(), login.encryptedData(), login.iv()));
                if (result.statusCode() != StatusCode.SUCCESS.code()) {
                    throw new IllegalStateException("a sandbox login failed: " + result);
                }
            });
            report.add(Figure.measured(id, "authorize end to end, " + callers(callers), rate, RATE,
                    "jscode2session alone, " + callers(callers), reference, goal));
            report.note("time in ports: " + times.shares());
        }
    }

    private double jscode2sessionAlone(int callers, WeChatSandbox weChat, WeChatGateway gateway) {
        LoginPool logins = new LoginPool(weChat, USERS, poolSize(plan, callers));
        return new LoadDriver(plan.warmup(), plan.measure())
                .throughput(callers, () -> gateway.exchangeCode(logins.next().code()));
    }

    private MpAuthX timedMpAuthX(PortTimes times, WeChatGateway gateway, Path database) {
        return MpAuthX.builder().appId(APP_ID).appSecret(APP_SECRET).sku(LiveTokens.SKU)
                .tokenStore(TimedPorts.tokenStore(
                        RedisAdapters.tokenStore(RedisSettings.builder().uri(redis.uri()).build()), times))
                .userRepository(TimedPorts.userRepository(SqliteAdapters.userRepository(database), times))
                .weChatGateway(TimedPorts.weChatGateway(gateway, times))
                .decryptor(TimedPorts.decryptor(WeChatAdapters.decryptor(APP_ID), times))
                .build();
    }

    private static String callers(int count) {
        return count + (count == 1 ? " caller" : " callers");
    }

    /** @return how many logins to make ahead for a run of this plan at this many callers */
    static int poolSize(Plan plan, int callers) {
        long callerSeconds = (plan.warmup().toMillis() + plan.measure().toMillis()) * Math.min(callers, 8) / 1000;
        return (int) Math.max(100, callerSeconds * LOGINS_PER_SECOND_AHEAD);
    }

    static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("mpauthx-benchmark-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the SQLite file", e);
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException leftBehind) {
            // a temp folder left behind is harmless
        }
    }
}
