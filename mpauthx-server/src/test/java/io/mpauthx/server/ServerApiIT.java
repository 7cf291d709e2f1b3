package io.mpauthx.server;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of a real service, success and each failure, through the JDK's HTTP client; every answer is checked
 * against the OpenAPI document, and at the end every documented operation must have been answered.
 */
class ServerApiIT {

    private static final String SHOP = "/v1/apps/shop/";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final OpenApiContract CONTRACT = OpenApiContract.packaged();

    @TempDir
    static Path folder;
    private static LocalRedisServer redis;
    private static RunningService service;

    @BeforeAll
    static void start() {
        redis = LocalRedisServer.startOnFreePort();
        service = RunningService.start(redis.uri(), folder);
    }

    @AfterAll
    static void stop() {
        Set<String> operations = new TreeSet<>();
        CONTRACT.documentedAnswers().forEach(answer -> operations.add(answer.substring(0, answer.lastIndexOf(' '))));
        Set<String> answered = new TreeSet<>();
        CONTRACT.seenAnswers().forEach(answer -> answered.add(answer.substring(0, answer.lastIndexOf(' '))));
        try {
            assertThat(answered).as("operations answered").containsAll(operations);
        } finally {
            service.close();
            redis.close();
        }
    }

    private static SandboxUser newUser() {
        return SandboxUser.withOpenId("oServe" + USERS.incrementAndGet());
    }

    private static Answer post(String route, String json) {
        return CONTRACT.check("POST", "/v1/apps/{sku}/" + route, service.post(SHOP + route, json));
    }

    private static Answer get(String path, String template) {
        return CONTRACT.check("GET", template, service.get(path));
    }

    private static JsonObject json(Answer answer) {
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    private static String login(SandboxUser user) {
        Answer answer = post("login", "{\"code\":\"" + service.weChat.newLogin(user).code() + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return json(answer).get("response").getAsString();
    }

    private static Answer introspect(String token) {
        return post("introspect", "{\"token\":\"" + token + "\"}");
    }

    private static Answer auth(String sku, String bearer, String key) {
        HttpRequest.Builder request = service.request("/v1/apps/" + sku + "/auth").GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (key != null) {
            request.header(ApiHandler.SERVICE_KEY_HEADER, key);
        }
        return CONTRACT.check("GET", "/v1/apps/{sku}/auth", service.send(request));
    }

    @Test
    void loginAnswersTheOriginalsWireShape() {
        Answer answer = post("login", "{\"code\":\"" + service.weChat.newLogin(newUser()).code() + "\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer).keySet()).containsExactly("status_code", "status_message", "response");
        assertThat(json(answer).get("status_code").getAsInt()).isEqualTo(1);
        assertThat(json(answer).get("status_message").getAsString()).isEqualTo("OK");
    }

    @Test
    void loginWithTheEncryptedProfileStoresTheProfile() {
        SandboxUser user = newUser();
        SandboxLogin login = service.weChat.newLogin(user);

        Answer answer = post("login", "{\"code\":\"" + login.code() + "\",\"encryptedData\":\""
                + login.encryptedData() + "\",\"iv\":\"" + login.iv() + "\"}");
        Answer stored = get(SHOP + "users/" + user.openId(), "/v1/apps/{sku}/users/{id}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(stored).getAsJsonObject("profile").get("nickName").getAsString())
                .isEqualTo(user.profile().nickName());
    }

    @Test
    void aCodeUsedTwiceIsRefusedWith401AndWeChatsErrcode() {
        String code = service.weChat.newLogin(newUser()).code();
        post("login", "{\"code\":\"" + code + "\"}");

        Answer again = post("login", "{\"code\":\"" + code + "\"}");

        assertThat(again.status()).isEqualTo(401);
        assertThat(json(again).get("status_code").getAsInt()).isEqualTo(6008);
        assertThat(json(again).get("wechat_errcode").getAsInt()).isEqualTo(40163);
    }

    @Test
    void weChatFailuresGetTheStatusThatFitsThem() {
        assertThat(loginFailingWith(WeChatFault.RATE_LIMITED)).isEqualTo(429);
        assertThat(loginFailingWith(WeChatFault.HIGH_RISK_USER)).isEqualTo(403);
        assertThat(loginFailingWith(WeChatFault.SERVER_ERROR)).isEqualTo(502);
        assertThat(loginFailingWith(WeChatFault.STALL)).isEqualTo(504);
        service.weChat.heal();
    }

    private static int loginFailingWith(WeChatFault fault) {
        service.weChat.failNext(fault);
        return post("login", "{\"code\":\"" + service.weChat.newLogin(newUser()).code() + "\"}").status();
    }

    @Test
    void anotherUsersProfileIsRefused() {
        SandboxLogin forged = service.weChat.newLoginWithDataOf(newUser(), newUser());

        Answer answer = post("login", "{\"code\":\"" + forged.code() + "\",\"encryptedData\":\""
                + forged.encryptedData() + "\",\"iv\":\"" + forged.iv() + "\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(json(answer).get("status_code").getAsInt()).isEqualTo(6009);
    }

    @Test
    void badBodiesGetAClearJsonError() {
        assertThat(json(post("login", "{}")).get("error").getAsString()).isEqualTo("missing_field");
        assertThat(json(post("login", "{\"code\":\"c\",\"iv\":\"x\"}")).get("error").getAsString())
                .isEqualTo("missing_field");
        assertThat(json(post("login", "{\"code\":42}")).get("error").getAsString()).isEqualTo("wrong_type");
        assertThat(json(post("login", "{\"code\":")).get("error").getAsString()).isEqualTo("malformed_json");
        assertThat(json(post("introspect", "[]")).get("error").getAsString()).isEqualTo("malformed_json");
        Answer text = CONTRACT.check("POST", "/v1/apps/{sku}/login", service.send(service.request(SHOP + "login")
                .header("Authorization", "Bearer " + RunningService.KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"c\"}"))));
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void aWrongMethodIs405NamingTheRightOne() {
        Answer answer = CONTRACT.check("POST", "/v1/apps/{sku}/login", service.get(SHOP + "login"));

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo("POST");
    }

    @Test
    void introspectionFollowsRfc7662() {
        String token = login(newUser());

        JsonObject live = json(introspect(token));

        assertThat(live.get("active").getAsBoolean()).isTrue();
        assertThat(live.get("sub").getAsString()).isEqualTo(token.substring(0, token.indexOf('.')));
        assertThat(live.get("sku").getAsString()).isEqualTo("shop");
        assertThat(live.get("exp").getAsLong()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(introspect("garbage").body()).isEqualTo("{\"active\":false}");
        assertThat(json(post("introspect", "{}")).get("error").getAsString()).isEqualTo("missing_field");
    }

    @Test
    void aTokenOfAnotherAppIsNotActiveThere() {
        String shopToken = login(newUser());

        Answer onBlog = CONTRACT.check("POST", "/v1/apps/{sku}/introspect",
                service.post("/v1/apps/blog/introspect", "{\"token\":\"" + shopToken + "\"}"));

        assertThat(onBlog.body()).isEqualTo("{\"active\":false}");
    }

    @Test
    void gatewayCheckAnswers204NamingTheUserOr401() {
        SandboxUser user = newUser();
        String token = login(user);

        Answer allowed = auth("shop", token, RunningService.KEY);

        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("X-MpAuthX-User")).isEqualTo(user.openId());
        assertThat(auth("shop", "not-a-token", RunningService.KEY).status()).isEqualTo(401);
        assertThat(auth("shop", null, RunningService.KEY).header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(auth("blog", token, RunningService.ROTATED_KEY).status()).isEqualTo(401);
        assertThat(auth("shop", token, null).status()).isEqualTo(403);
        assertThat(auth("shop", token, "wrong-key-wrong-key-wrong").status()).isEqualTo(403);
    }

    @Test
    void gatewayCheckTakesTheForwardedMethodAndPathAsEnvoySendsThem() {
        SandboxUser user = newUser();
        String token = login(user);

        Answer answer = CONTRACT.check("GET", "/v1/apps/{sku}/auth", service.send(service.request(
                SHOP + "auth/api/orders/42").header("Authorization", "Bearer " + token)
                .header(ApiHandler.SERVICE_KEY_HEADER, RunningService.KEY)
                .POST(HttpRequest.BodyPublishers.ofString("ignored"))));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.header("X-MpAuthX-User")).isEqualTo(user.openId());
    }

    @Test
    void refreshLeavesExactlyOneNewLiveToken() {
        SandboxUser user = newUser();
        String first = login(user);
        String second = login(user);

        Answer refreshed = post("refresh", "{\"userId\":\"" + user.openId() + "\"}");

        assertThat(refreshed.status()).isEqualTo(200);
        String fresh = json(refreshed).get("response").getAsString();
        assertThat(json(introspect(fresh)).get("active").getAsBoolean()).isTrue();
        assertThat(introspect(first).body()).isEqualTo("{\"active\":false}");
        assertThat(introspect(second).body()).isEqualTo("{\"active\":false}");
        Answer unknown = post("refresh", "{\"userId\":\"never-seen\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(json(unknown).get("status_code").getAsInt()).isEqualTo(6010);
    }

    @Test
    void revokeLogsOutOneDeviceByTokenOrById() {
        SandboxUser user = newUser();
        String token = login(user);
        String other = login(user);

        assertThat(post("revoke", "{\"token\":\"" + token + "\"}").body()).isEqualTo("{\"revoked\":true}");
        assertThat(post("revoke", "{\"token\":\"" + token + "\"}").body()).isEqualTo("{\"revoked\":false}");
        String otherId = json(get(SHOP + "users/" + user.openId() + "/tokens", "/v1/apps/{sku}/users/{id}/tokens"))
                .getAsJsonArray("tokens").get(0).getAsJsonObject().get("id").getAsString();
        assertThat(post("revoke", "{\"userId\":\"" + user.openId() + "\",\"tokenId\":\"" + otherId + "\"}").body())
                .isEqualTo("{\"revoked\":true}");
        assertThat(introspect(other).body()).isEqualTo("{\"active\":false}");
    }

    @Test
    void revokeAllCountsTheDevicesLoggedOut() {
        SandboxUser user = newUser();
        login(user);
        login(user);

        assertThat(post("revoke-all", "{\"userId\":\"" + user.openId() + "\"}").body()).isEqualTo("{\"revoked\":2}");
        assertThat(json(get(SHOP + "users/" + user.openId() + "/tokens", "/v1/apps/{sku}/users/{id}/tokens"))
                .getAsJsonArray("tokens")).isEmpty();
    }

    @Test
    void devicesAreListedWithTheirLabelsNeverWithTokens() {
        SandboxUser user = newUser();
        String token = json(post("login", "{\"code\":\"" + service.weChat.newLogin(user).code()
                + "\",\"device\":\"iPhone 15\"}")).get("response").getAsString();

        Answer tokens = get(SHOP + "users/" + user.openId() + "/tokens", "/v1/apps/{sku}/users/{id}/tokens");

        assertThat(tokens.body()).contains("\"device\":\"iPhone 15\"").doesNotContain(token);
    }

    @Test
    void anUnknownUserIs404() {
        Answer answer = get(SHOP + "users/nobody-here", "/v1/apps/{sku}/users/{id}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(json(answer).get("status_code").getAsInt()).isEqualTo(6010);
    }

    @Test
    void everyCallButHealthNeedsAServiceKey() {
        Answer missing = CONTRACT.check("POST", "/v1/apps/{sku}/introspect", service.send(service.request(
                SHOP + "introspect").POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"x\"}"))));
        Answer wrong = CONTRACT.check("GET", "/metrics", service.send(service.request("/metrics")
                .header("Authorization", "Bearer not-the-key-not-the-key").GET()));
        Answer rotated = service.send(service.request("/openapi.json")
                .header("Authorization", "Bearer " + RunningService.ROTATED_KEY).GET());

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(json(missing).get("error").getAsString()).isEqualTo("invalid_service_key");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(service.send(service.request("/healthz").GET()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownAppOrRouteIs404() {
        Answer app = CONTRACT.check("POST", "/v1/apps/{sku}/login", service.post("/v1/apps/nope/login", "{}"));

        assertThat(app.status()).isEqualTo(404);
        assertThat(service.get("/v1/apps/shop/nothing").status()).isEqualTo(404);
        assertThat(service.get("/nothing").status()).isEqualTo(404);
    }

    @Test
    void healthReadinessMetricsAndTheDocumentAnswer() {
        Answer health = CONTRACT.check("GET", "/healthz", service.send(service.request("/healthz").GET()));
        Answer ready = CONTRACT.check("GET", "/readyz", service.send(service.request("/readyz").GET()));
        Answer metrics = get("/metrics", "/metrics");
        Answer document = get("/openapi.json", "/openapi.json");
        Answer wrongMethod = CONTRACT.check("GET", "/healthz", service.send(service.request("/healthz")
                .POST(HttpRequest.BodyPublishers.noBody())));

        assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
        assertThat(metrics.body()).contains("mpauthx_server_requests_seconds_count{route=\"/healthz\",status=\"200\"}");
        assertThat(JsonParser.parseString(document.body())).isEqualTo(CONTRACT.document());
        assertThat(document.body().getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(1000);
        assertThat(wrongMethod.status()).isEqualTo(405);
    }
}
