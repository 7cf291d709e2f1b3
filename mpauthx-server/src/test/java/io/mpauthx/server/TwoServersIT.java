package io.mpauthx.server;

import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.SandboxUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Two services on one Redis, each with the near cache: a revocation on one is seen by the other within its bound. */
class TwoServersIT {

    private static final NearCacheSettings NEAR_CACHE = NearCacheSettings.builder()
            .maxStaleness(Duration.ofSeconds(2)).build();

    @TempDir
    Path folder;
    private LocalRedisServer redis;
    private RunningService first;
    private RunningService second;

    @BeforeEach
    void start() {
        redis = LocalRedisServer.startOnFreePort();
        first = RunningService.start(redis.uri(), folder.resolve("a"), settings -> settings,
                app -> app.nearCache(NEAR_CACHE));
        second = RunningService.start(redis.uri(), folder.resolve("b"), settings -> settings,
                app -> app.nearCache(NEAR_CACHE));
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        redis.close();
    }

    private static int auth(RunningService service, String token) {
        return service.send(service.request("/v1/apps/shop/auth").header("Authorization", "Bearer " + token)
                .header(ApiHandler.SERVICE_KEY_HEADER, RunningService.KEY).GET()).status();
    }

    @Test
    void aRevocationOnOneIsSeenByTheOtherWithinTheNearCachesBound() {
        String code = first.weChat.newLogin(SandboxUser.withOpenId("oTwo")).code();
        Answer login = first.post("/v1/apps/shop/login", "{\"code\":\"" + code + "\"}");
        String token = login.body().replaceAll(".*\"response\":\"([^\"]+)\".*", "$1");
        assertThat(auth(second, token)).isEqualTo(204);
        assertThat(auth(second, token)).as("answered from the near cache").isEqualTo(204);

        first.send(first.request("/v1/apps/shop/revoke").header("Authorization", "Bearer " + RunningService.KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")));
        long revoked = System.nanoTime();
        long deadline = revoked + NEAR_CACHE.maxStaleness().toNanos();
        while (auth(second, token) != 401 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }

        assertThat(auth(second, token)).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThanOrEqualTo(NEAR_CACHE.maxStaleness()
                .plusMillis(500));
    }
}
