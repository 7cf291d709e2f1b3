package io.mpauthx.cli;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo and {@code check} against a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisCommandsIT {

    private final LocalRedisServer redis;
    private final StringWriter out = new StringWriter();

    @TempDir
    Path folder;

    RedisCommandsIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    private int run(String... args) {
        CommandLine cli = MpAuthXCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void demoRunsWithTokensInRedis() {
        int exitCode = run("demo", "--db", folder.resolve("demo.db").toString(), "--redis", redis.uri());

        assertThat(exitCode).as(out.toString()).isZero();
        assertThat(out.toString()).contains("tokens " + redis.uri()).containsPattern("demo: OK, (\\d+) of \\1 steps");
    }

    @Test
    void checkAnswersValidThenInvalidAfterRevoke() {
        FakeWeChatGateway weChat = new FakeWeChatGateway();
        try (MpAuthX auth = MpAuthX.builder().appId("wxapp").appSecret("secret").sku("shop")
                .inMemoryUserRepository().redis(redis.uri())
                .weChatGateway(weChat).decryptor(new FakeDecryptor()).build()) {
            String token = auth.authorize(weChat.newCode("oCheck", null)).token();

            assertThat(run("check", token, "--redis", redis.uri())).isZero();
            assertThat(out.toString()).contains("valid");
            assertThat(run("check", token, "--redis", redis.uri(), "--sku", "blog")).isEqualTo(1);

            auth.revokeToken(token);
            out.getBuffer().setLength(0);
            assertThat(run("check", token, "--redis", redis.uri())).isEqualTo(1);
            assertThat(out.toString()).contains("invalid");
        }
    }

    @Test
    void checkWithRedisDownIsAnErrorNotInvalid() {
        String token = "oX.shop." + "A".repeat(43);
        assertThat(run("check", token, "--redis", "redis://127.0.0.1:1")).isEqualTo(2);
        assertThat(out.toString()).contains("cannot check", "6000");
    }
}
