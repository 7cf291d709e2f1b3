package io.mpauthx.testkit.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(RedisServerExtension.class)
class LocalRedisServerIT {

    private final LocalRedisServer injectedIntoConstructor;

    LocalRedisServerIT(LocalRedisServer server) {
        this.injectedIntoConstructor = server;
    }

    @Test
    void extensionStartsOneServerPerClassOnALoopbackPortOfItsOwn(LocalRedisServer server) {
        assertThat(server).isSameAs(injectedIntoConstructor);
        assertThat(server.ping()).isTrue();
        assertThat(server.port()).isNotEqualTo(6379);
        assertThat(server.uri()).isEqualTo("redis://127.0.0.1:" + server.port());
    }

    @Test
    void stoppedServerStartsAgainOnTheSamePort(LocalRedisServer server) {
        int port = server.port();

        server.stop();
        assertThat(server.isRunning()).isFalse();
        assertThat(server.ping()).isFalse();
        server.stop();

        server.start();
        assertThat(server.isRunning()).isTrue();
        assertThat(server.port()).isEqualTo(port);
        assertThat(server.ping()).isTrue();
    }

    @Test
    void theBinaryShippedInEmbeddedRedisRunsWhenNoneIsOnThePath() {
        LocalRedisServer shipped = LocalRedisServer.startOnFreePort(RedisServerExecutable.shipped());
        try {
            assertThat(shipped.ping()).isTrue();
            assertThat(shipped.executable()).isEqualTo(RedisServerExecutable.shipped());
        } finally {
            shipped.close();
        }
        assertThat(shipped.ping()).isFalse();
        assertThatThrownBy(shipped::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pathIsPreferredOverTheShippedBinaryUnlessAPropertyChoosesOne() {
        String chosen = System.clearProperty(RedisServerExecutable.PROPERTY);
        try {
            assertThat(RedisServerExecutable.locate())
                    .isEqualTo(RedisServerExecutable.onPath().orElse(RedisServerExecutable.shipped()));
            System.setProperty(RedisServerExecutable.PROPERTY, "shipped");
            assertThat(RedisServerExecutable.locate()).isEqualTo(RedisServerExecutable.shipped());
        } finally {
            if (chosen == null) {
                System.clearProperty(RedisServerExecutable.PROPERTY);
            } else {
                System.setProperty(RedisServerExecutable.PROPERTY, chosen);
            }
        }
    }
}
