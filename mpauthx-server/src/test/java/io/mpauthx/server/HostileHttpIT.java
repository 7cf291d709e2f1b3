package io.mpauthx.server;

import io.mpauthx.testkit.redis.LocalRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients that mean harm or are broken: each gets a clear refusal, and the service keeps answering everyone else. */
class HostileHttpIT {

    private static final Duration READ_DEADLINE = Duration.ofSeconds(1);
    private static final int IDLE_CONNECTIONS = 10_000;

    @TempDir
    static Path folder;
    private static LocalRedisServer redis;
    private static RunningService service;

    @BeforeAll
    static void start() {
        redis = LocalRedisServer.startOnFreePort();
        service = RunningService.start(redis.uri(), folder, settings -> settings.requestReadTimeout(READ_DEADLINE),
                app -> app);
    }

    @AfterAll
    static void stop() {
        service.close();
        redis.close();
    }

    private static void othersAreStillAnswered() {
        assertThat(service.post("/v1/apps/shop/introspect", "{\"token\":\"x\"}").body()).isEqualTo("{\"active\":false}");
    }

    private static String post(String headers) {
        return "POST /v1/apps/shop/login HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + RunningService.KEY
                + "\r\nContent-Type: application/json\r\n" + headers;
    }

    @Test
    void aMegabyteBodyIsRefusedBeforeItIsRead() {
        try (RawHttp client = new RawHttp(service.server.port())) {
            String answer = client.send(post("Content-Length: 1048576\r\n\r\n{\"code\":\""))
                    .answerUntilClosed(Duration.ofSeconds(5));

            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"error\":\"body_too_large\"");
        }
        othersAreStillAnswered();
    }

    @Test
    void aChunkedBodyGrowingPastTheCapIsRefused() {
        String chunk = "400\r\n" + "a".repeat(0x400) + "\r\n";
        try (RawHttp client = new RawHttp(service.server.port())) {
            String answer = client.send(post("Transfer-Encoding: chunked\r\n\r\n") + chunk.repeat(17) + "0\r\n\r\n")
                    .answerUntilClosed(Duration.ofSeconds(5));

            assertThat(answer).startsWith("HTTP/1.1 413").contains("body_too_large");
        }
        othersAreStillAnswered();
    }

    @Test
    void trickledHeadersAreCutOffAtTheReadDeadline() {
        long started = System.nanoTime();
        try (RawHttp client = new RawHttp(service.server.port())) {
            client.send("POST /v1/apps/shop/login HTTP/1.1\r\nHost: 127.0.0.1\r\n");

            String answer = client.answerUntilClosed(Duration.ofSeconds(5), () -> {
                othersAreStillAnswered();
                try {
                    client.send("X-Trickle: 1\r\n");
                } catch (java.io.UncheckedIOException cutOff) {
                    // the service closed the connection between two reads: the answer is already on its way
                }
            });

            assertThat(answer).startsWith("HTTP/1.1 408").contains("request_timeout");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(READ_DEADLINE, Duration.ofSeconds(4));
    }

    @Test
    void headersLargerThanTheLimitAre431() {
        try (RawHttp client = new RawHttp(service.server.port())) {
            String answer = client.send(post("X-Big: " + "b".repeat(20_000) + "\r\n\r\n"))
                    .answerUntilClosed(Duration.ofSeconds(5));

            assertThat(answer).startsWith("HTTP/1.1 431").contains("request_too_large");
        }
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        Answer answer = service.send(service.request("/v1/apps/shop/login")
                .header("Authorization", "Bearer " + RunningService.KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":\"malformed_json\"").contains("not UTF-8");
    }

    @Test
    void jsonNestedTenThousandDeepIsRefusedAtItsFirstBracket() {
        Answer inValue = service.post("/v1/apps/shop/login", "{\"code\":" + "[".repeat(10_000));
        Answer whole = service.post("/v1/apps/shop/introspect", "[".repeat(10_000));

        assertThat(inValue.status()).isEqualTo(400);
        assertThat(inValue.body()).contains("\"error\":\"wrong_type\"");
        assertThat(whole.status()).isEqualTo(400);
        assertThat(whole.body()).contains("\"error\":\"malformed_json\"");
        othersAreStillAnswered();
    }

    @Test
    void tenThousandIdleConnectionsLeaveTheServiceAnswering() throws IOException, InterruptedException {
        long heapBefore = heapAfterCollection();
        Process idle = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), IdleConnections.class.getName(), "127.0.0.1",
                Integer.toString(service.server.port()), Integer.toString(IDLE_CONNECTIONS))
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(idle.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> readLine(output)).get(60, TimeUnit.SECONDS);
            assertThat(line).isEqualTo("open " + IDLE_CONNECTIONS);

            for (int i = 0; i < 20; i++) {
                othersAreStillAnswered();
            }
            long perConnection = (heapAfterCollection() - heapBefore) / IDLE_CONNECTIONS;
            assertThat(perConnection).as("heap bytes per idle connection").isLessThan(20_000);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException failed) {
            throw new AssertionError("the idle connections were not opened", failed);
        } finally {
            idle.getOutputStream().close();
            idle.destroy();
            idle.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String readLine(BufferedReader output) {
        try {
            return output.readLine();
        } catch (IOException failed) {
            return "failed: " + failed;
        }
    }

    private static long heapAfterCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
