package io.mpauthx.spring;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.spring.example.ExampleApplication;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application booted from properties alone on a random port, against a real redis-server and the WeChat
 * sandbox over HTTP, called with a real HTTP client: login, the protected endpoint's 200/401/503, health and the
 * meters on Prometheus's page.
 */
class SpringBootStarterIT {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final Pattern TOKEN = Pattern.compile("\"response\":\"([^\"]+)\"");

    @TempDir
    static Path folder;
    private static LocalRedisServer redis;
    private static WeChatSandbox weChat;
    private static ConfigurableApplicationContext application;
    private static URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheApplication() {
        redis = LocalRedisServer.startDurableOnFreePort();
        weChat = WeChatSandbox.start("wx-spring-test", "spring-secret");
        application = new SpringApplicationBuilder(ExampleApplication.class).run(
                "--server.port=0",
                "--mpauthx.app-id=" + weChat.appId(),
                "--mpauthx.app-secret=spring-secret",
                "--mpauthx.sku=shop",
                "--mpauthx.token-ttl=72h",
                "--mpauthx.redis.uri=" + redis.uri(),
                "--mpauthx.redis.command-timeout=2s",
                "--mpauthx.sqlite.path=" + folder.resolve("users.db"),
                "--mpauthx.wechat.api-base-url=" + weChat.baseUrl(),
                "--management.endpoints.web.exposure.include=health,prometheus",
                "--management.endpoint.health.show-details=always");
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        base = URI.create("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stopEverything() {
        if (application != null) {
            application.close();
        }
        weChat.close();
        redis.close();
    }

    @Test
    void aTokenFromTheLoginEndpointOpensTheProtectedEndpointUntilItIsRevoked() throws Exception {
        String token = login("oAnn");

        HttpResponse<String> me = get("/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("oAnn shop");
        assertThat(get("/devices", token).body()).isEqualTo(application.getBean(MpAuthX.class).tokenId(token)
                .orElseThrow());

        application.getBean(MpAuthX.class).revokeToken(token);
        assertThat(get("/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutATokenOrWithABadOneTheAnswerIs401() throws Exception {
        assertThat(get("/me", null).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = get("/me", "shop.not-a-token");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer").doesNotContain("not-a-token"));
    }

    @Test
    void whileRedisIsStoppedTheProtectedEndpointAnswers503AndHealthIsDown() throws Exception {
        String token = login("oBob");
        assertThat(health()).contains("\"status\":\"UP\"");
        redis.stop();
        try {
            Await.until(WITHIN, () -> statusOf("/me", token) == 503, "503 while Redis is stopped");
            assertThat(get("/me", token).headers().firstValue("Retry-After")).isPresent();
            Await.until(WITHIN, () -> health().contains("\"tokenStore\":\"DOWN\""), "health DOWN");
            assertThat(health()).contains("\"status\":\"DOWN\"").contains("\"userStore\":\"UP\"");
        } finally {
            redis.start();
        }
        Await.until(WITHIN, () -> statusOf("/me", token) == 200, "200 once Redis is back");
        Await.until(WITHIN, () -> health().contains("\"status\":\"UP\""), "health UP once Redis is back");
    }

    @Test
    void prometheusShowsTheMetersMoving() throws Exception {
        String token = login("oCyd");
        double before = sample("mpauthx_token_checks_total\\{result=\"valid\",sku=\"shop\"}");
        get("/me", token);
        get("/me", token);

        assertThat(sample("mpauthx_token_checks_total\\{result=\"valid\",sku=\"shop\"}"))
                .isEqualTo(before + 2);
        assertThat(sample("mpauthx_logins_seconds_count\\{sku=\"shop\",status=\"1\"}")).isPositive();
        assertThat(sample("mpauthx_wechat_calls_seconds_count\\{endpoint=\"jscode2session\",errcode=\"0\",sku=\"shop\"}"))
                .isPositive();
        assertThat(sample("mpauthx_near_cache_gets_total\\{result=\"hit\",sku=\"shop\"}")).isPositive();
        assertThat(sample("mpauthx_token_store_connections\\{sku=\"shop\"}")).isEqualTo(2);
    }

    private String login(String openId) throws IOException, InterruptedException {
        String code = weChat.newLogin(SandboxUser.withOpenId(openId)).code();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/login?code=" + code))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Matcher token = TOKEN.matcher(answer.body());
        assertThat(token.find()).as(answer.body()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int statusOf(String path, String token) {
        try {
            return get(path, token).statusCode();
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private String health() {
        try {
            return get("/actuator/health/mpauthx", null).body();
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private double sample(String series) throws IOException, InterruptedException {
        String page = get("/actuator/prometheus", null).body();
        Matcher line = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(page);
        assertThat(line.find()).as("%s on the page:%n%s", series, page).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
