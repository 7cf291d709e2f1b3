package io.mpauthx.cli;

import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mpauthx serve --config FILE} serves until it is stopped, as the command line ships it. */
@ExtendWith(RedisServerExtension.class)
class ServeCommandIT {

    private static final String KEY = "cli-service-key-0123456789";
    private static final Pattern LISTENING = Pattern.compile("mpauthx serves \\[shop] on http://127\\.0\\.0\\.1:(\\d+)");

    private final LocalRedisServer redis;

    @TempDir
    Path folder;

    ServeCommandIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    @Test
    void servesFromAConfigFileUntilStopped() throws Exception {
        try (WeChatSandbox weChat = WeChatSandbox.start("wx-cli-serve", "cli-secret")) {
            Path config = writeConfig(weChat);
            CapturedCli cli = new CapturedCli();
            AtomicReference<Thread> serving = new AtomicReference<>();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                serving.set(Thread.currentThread());
                return cli.run("serve", "--config", config.toString());
            });
            int port = awaitPort(cli, exit);

            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v1/apps/shop/login"))
                    .header("Authorization", "Bearer " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\""
                            + weChat.newLogin(SandboxUser.withOpenId("oCli")).code() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            serving.get().interrupt();

            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(login.body()).startsWith("{\"status_code\":1,\"status_message\":\"OK\",\"response\":\"oCli.shop.");
            assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
            assertThat(cli.out()).contains("mpauthx service stopped");
        }
    }

    @Test
    void aBadConfigurationExitsWith2NamingTheProblem() throws IOException {
        Path config = Files.writeString(folder.resolve("bad.properties"), "apps = shop\n");
        CapturedCli cli = new CapturedCli();

        assertThat(cli.run("serve", "--config", config.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("cannot serve", "app.shop.appid is required");
    }

    private Path writeConfig(WeChatSandbox weChat) throws IOException {
        Path secret = Files.writeString(folder.resolve("shop.secret"), "cli-secret");
        Path keys = Files.writeString(folder.resolve("keys"), KEY + "\n");
        return Files.writeString(folder.resolve("serve.properties"), String.join("\n",
                "serve.port = 0", "serve.keys.file = " + keys, "redis.uri = " + redis.uri(),
                "sqlite.path = " + folder.resolve("users.db"), "wechat.api-base-url = " + weChat.baseUrl(),
                "apps = shop", "app.shop.appid = " + weChat.appId(), "app.shop.secret.file = " + secret, ""));
    }

    private static int awaitPort(CapturedCli cli, CompletableFuture<Integer> exit) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - deadline < 0) {
            Matcher listening = LISTENING.matcher(cli.out());
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            assertThat(exit).as("serve stopped early: %s", cli.err()).isNotDone();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new AssertionError("serve did not start listening: " + cli.out() + cli.err());
    }
}
