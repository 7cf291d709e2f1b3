package io.mpauthx.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.testkit.logging.CapturedLogs;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every log line of token work on a password-protected Redis that fails: no secret in any. Every level is
 * captured except Lettuce's TRACE, which is a dump of the wire protocol (the {@code AUTH} password included, by
 * Lettuce's design); docs/redis.md tells operators to keep {@code io.lettuce} at DEBUG or above.
 */
@ExtendWith(RedisServerExtension.class)
class NoSecretInRedisLogsIT {

    private static final String PASSWORD = "redis-log-test-pass";

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    private final List<String> secrets = new ArrayList<>(List.of(PASSWORD, "facade-secret"));

    @Test
    void tokensAndTheRedisPasswordAreNeverLoggedEvenWhenRedisFails(LocalRedisServer redis) {
        FakeWeChatGateway weChat = new FakeWeChatGateway();
        Logger lettuce = (Logger) LoggerFactory.getLogger("io.lettuce");
        lettuce.setLevel(Level.DEBUG);
        requirePassword(redis);
        try (MpAuthX auth = MpAuthX.builder()
                .appId("wxapp").appSecret("facade-secret").sku("shop")
                .inMemoryUserRepository().redis(redis.uri()).redisPassword(PASSWORD)
                .redisCommandTimeout(Duration.ofMillis(500))
                .weChatGateway(weChat).decryptor(new FakeDecryptor())
                .build()) {
            String token = auth.authorize(weChat.newCode("oLogs", null)).token();
            secrets.add(token);
            secrets.add(auth.refreshToken("oLogs").token());
            auth.isTokenValid(token);

            redis.stop();
            catchThrowableOfType(MpAuthXException.class, () -> auth.isTokenValid(token));
            catchThrowableOfType(MpAuthXException.class, () -> auth.refreshToken("oLogs"));
        } finally {
            redis.start();
            lettuce.setLevel(null);
        }

        assertThat(logs.lines()).as("the failures are logged, or this test proves nothing")
                .anyMatch(line -> line.contains("Redis failed to check a token"));
        assertThat(logs.linesContainingAny(secrets)).isEmpty();
    }

    private static void requirePassword(LocalRedisServer redis) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().configSet("requirepass", PASSWORD);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
