package io.mpauthx.examples.springboot;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example application as it runs in production, on a random port, against a real redis-server and the WeChat
 * sandbox over HTTP, called with a real HTTP client: login, the protected endpoint's 200/401/503, the devices
 * endpoint, health and the meters on Prometheus's page. Only what differs per run (the app id and secret, the Redis
 * address, the users' file, WeChat's address) is given on the command line; the rest is application.properties.
 */
class ExampleApplicationTest {

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
        weChat = WeChatSandbox.start("wx-spring-example", "example-secret");
        application = SpringApplication.run(ExampleApplication.class,
                "--server.port=0",
                "--mpauthx.app-id=" + weChat.appId(),
                "--mpauthx.app-secret=example-secret",
                "--mpauthx.redis.uri=" + redis.uri(),
                "--mpauthx.sqlite.path=" + folder.resolve("users.db"),
                "--mpauthx.wechat.api-base-url=" + weChat.baseUrl());
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        base = URI.create("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stopEverything() {
        if (application != null) {
            application.close();
        }
        if (weChat != null) {
            weChat.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aTokenFromTheLoginEndpointOpensTheProtectedEndpointUntilItIsRevoked() throws Exception {
        MpAuthX mpAuthX = application.getBean(MpAuthX.class);
        String token = login("oAnn");
        String otherDevice = login("oAnn");

        HttpResponse<String> me = get("/me", token);
        assertEquals(200, me.statusCode());
        assertEquals("oAnn shop", me.body());
        String devices = get("/devices", token).body();
        assertEquals(2, devices.lines().count(), devices);
        assertTrue(devices.lines().anyMatch(mpAuthX.tokenId(token).orElseThrow()::equals), devices);
        assertTrue(devices.lines().anyMatch(mpAuthX.tokenId(otherDevice).orElseThrow()::equals), devices);

        mpAuthX.revokeToken(token);
        assertEquals(401, get("/me", token).statusCode());
        assertEquals(mpAuthX.tokenId(otherDevice).orElseThrow(), get("/devices", otherDevice).body());
    }

    @Test
    void withoutATokenOrWithABadOneTheAnswerIs401() throws Exception {
        assertEquals(401, get("/me", null).statusCode());
        HttpResponse<String> bad = get("/me", "shop.not-a-token");
        assertEquals(401, bad.statusCode());
        String challenge = bad.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer"), challenge);
        assertFalse(challenge.contains("not-a-token"), challenge);
    }

    @Test
    void whileRedisIsStoppedTheProtectedEndpointAnswers503AndHealthIsDown() throws Exception {
        String token = login("oBob");
        assertTrue(health().contains("\"status\":\"UP\""), health());
        redis.stop();
        try {
            awaitUntil(() -> statusOf("/me", token) == 503, "503 while Redis is stopped");
            assertTrue(get("/me", token).headers().firstValue("Retry-After").isPresent());
            awaitUntil(() -> health().contains("\"tokenStore\":\"DOWN\""), "health DOWN");
            String down = health();
            assertTrue(down.contains("\"status\":\"DOWN\"") && down.contains("\"userStore\":\"UP\""), down);
        } finally {
            redis.start();
        }
        awaitUntil(() -> statusOf("/me", token) == 200, "200 once Redis is back");
        awaitUntil(() -> health().contains("\"status\":\"UP\""), "health UP once Redis is back");
    }

    @Test
    void prometheusShowsTheMetersMoving() throws Exception {
        String token = login("oCyd");
        double before = sample("mpauthx_token_checks_total\\{result=\"valid\",sku=\"shop\"}");
        get("/me", token);
        get("/me", token);

        assertEquals(before + 2, sample("mpauthx_token_checks_total\\{result=\"valid\",sku=\"shop\"}"));
        assertTrue(sample("mpauthx_logins_seconds_count\\{sku=\"shop\",status=\"1\"}") > 0);
        assertTrue(sample("mpauthx_wechat_calls_seconds_count\\{endpoint=\"jscode2session\",errcode=\"0\",sku=\"shop\"}")
                > 0);
        assertTrue(sample("mpauthx_near_cache_gets_total\\{result=\"hit\",sku=\"shop\"}") > 0);
        assertEquals(2, sample("mpauthx_token_store_connections\\{sku=\"shop\"}"));
    }

    private String login(String openId) throws IOException, InterruptedException {
        String code = weChat.newLogin(SandboxUser.withOpenId(openId)).code();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/login?code=" + code))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        Matcher token = TOKEN.matcher(answer.body());
        assertTrue(token.find(), answer.body());
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
        assertTrue(line.find(), () -> series + " on the page:\n" + page);
        return Double.parseDouble(line.group(1));
    }

    /** Polls the condition every few milliseconds until it holds, failing once {@link #WITHIN} has passed. */
    private static void awaitUntil(BooleanSupplier condition, String description) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not true within " + WITHIN + ": " + description);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
