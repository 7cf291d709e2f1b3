package io.mpauthx.server;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.testkit.wechat.WeChatSandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real service on a free loopback port serving two apps ({@code shop}, {@code blog}) over a real redis-server and
 * a SQLite file, logging in against the WeChat sandbox over HTTP; and a JDK HTTP client to call it.
 */
final class RunningService implements AutoCloseable {

    static final String KEY = "test-service-key-0123456789";
    static final String ROTATED_KEY = "rotated-service-key-abcdefgh";
    static final String SECRET = "sandbox-secret";
    static final Duration WECHAT_TIMEOUT = Duration.ofMillis(1500);

    final WeChatSandbox weChat;
    final MpAuthXServer server;
    final URI base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningService(WeChatSandbox weChat, MpAuthXServer server) {
        this.weChat = weChat;
        this.server = server;
        this.base = URI.create("http://127.0.0.1:" + server.port());
    }

    static RunningService start(String redisUri, Path folder, UnaryOperator<ServerSettings.Builder> settings,
                                UnaryOperator<MpAuthXBuilder> apps) {
        WeChatSandbox weChat = WeChatSandbox.start("wx-serve-test", SECRET);
        Map<String, MpAuthX> served = new LinkedHashMap<>();
        for (String sku : new String[] {"shop", "blog"}) {
            served.put(sku, apps.apply(MpAuthX.builder().appId(weChat.appId()).appSecret(SECRET).sku(sku)
                    .redis(redisUri).sqlite(folder.resolve("users.db"))
                    .weChatApiBaseUrl(weChat.baseUrl()).weChatRequestTimeout(WECHAT_TIMEOUT)).build());
        }
        ServerSettings.Builder builder = ServerSettings.builder().port(0).serviceKey(KEY).serviceKey(ROTATED_KEY);
        return new RunningService(weChat, MpAuthXServer.start(settings.apply(builder).build(), served));
    }

    static RunningService start(String redisUri, Path folder) {
        return start(redisUri, folder, UnaryOperator.identity(), UnaryOperator.identity());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    }

    Answer post(String path, String json) {
        return send(request(path).header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer get(String path) {
        return send(request(path).header("Authorization", "Bearer " + KEY).GET());
    }

    Answer send(HttpRequest.Builder request) {
        try {
            return Answer.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        server.close();
        weChat.close();
    }
}
