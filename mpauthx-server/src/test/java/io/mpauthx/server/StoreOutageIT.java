package io.mpauthx.server;

import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis going away and coming back, and a shutdown with a call in flight. */
class StoreOutageIT {

    @TempDir
    Path folder;
    private LocalRedisServer redis;
    private RunningService service;

    @BeforeEach
    void start() {
        redis = LocalRedisServer.startOnFreePort();
        service = RunningService.start(redis.uri(), folder);
    }

    @AfterEach
    void stop() {
        service.close();
        redis.close();
    }

    private Answer ready() {
        return service.send(service.request("/readyz").GET());
    }

    @Test
    void withRedisDownChecksAre503NotAnswersAndReadinessSaysWhy() {
        String token = "oUser.shop." + "A".repeat(43);
        redis.stop();

        Answer readiness = ready();
        Answer introspection = service.post("/v1/apps/shop/introspect", "{\"token\":\"" + token + "\"}");
        Answer gateway = service.send(service.request("/v1/apps/shop/auth").header("Authorization", "Bearer " + token)
                .header(ApiHandler.SERVICE_KEY_HEADER, RunningService.KEY).GET());

        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body()).contains("shop: token store");
        assertThat(introspection.status()).isEqualTo(503);
        assertThat(introspection.body()).contains("\"status_code\":6000");
        assertThat(gateway.status()).isEqualTo(503);

        redis.start();
        awaitTrue(Duration.ofSeconds(20), () -> ready().status() == 200);
    }

    @Test
    void aShutdownLetsTheCallInFlightFinish() throws Exception {
        service.weChat.failNext(WeChatFault.STALL);
        int before = service.weChat.requestCount();
        String code = service.weChat.newLogin(SandboxUser.withOpenId("oLate")).code();
        CompletableFuture<HttpResponse<String>> login = service.http.sendAsync(service.request("/v1/apps/shop/login")
                .header("Authorization", "Bearer " + RunningService.KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitTrue(Duration.ofSeconds(5), () -> service.weChat.requestCount() > before);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(service.server::close);
        HttpResponse<String> answer = login.get(10, TimeUnit.SECONDS);
        closing.get(10, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).as("the stalled WeChat call times out, and its answer is delivered")
                .isEqualTo(504);
        assertThat(answer.headers().firstValue("Connection")).contains("close");
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition within %s", timeout).isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
