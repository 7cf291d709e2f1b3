package io.mpauthx.testkit.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Answers {@code GET /sns/jscode2session} like WeChat, or with the next queued fault. */
final class Jscode2SessionHandler implements HttpHandler {

    private static final Set<String> PARAMETERS = Set.of("appid", "secret", "js_code", "grant_type");
    private static final long LONGEST_STALL_SECONDS = 120;

    private final String appId;
    private final String appSecret;
    private final SandboxLogins logins;
    private final Queue<WeChatFault> faults;
    private final Queue<RawAnswer> rawAnswers = new ConcurrentLinkedQueue<>();
    private final AtomicReference<WeChatFault> ongoingFault = new AtomicReference<>();
    /** Stalled requests wait on the latch current when they began; healing or closing counts it down. */
    private final AtomicReference<CountDownLatch> stallRelease = new AtomicReference<>(new CountDownLatch(1));
    private final AtomicInteger requests = new AtomicInteger();

    Jscode2SessionHandler(String appId, String appSecret, SandboxLogins logins, Queue<WeChatFault> faults) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.logins = logins;
        this.faults = faults;
    }

    void answerNext(int status, String body) {
        rawAnswers.add(new RawAnswer(status, body));
    }

    void failEveryRequest(WeChatFault fault) {
        ongoingFault.set(fault);
    }

    /** Ends an ongoing fault and releases the requests stalled so far. */
    void heal() {
        ongoingFault.set(null);
        stallRelease.getAndSet(new CountDownLatch(1)).countDown();
    }

    /** Releases stalled requests for good: a closed sandbox stalls nothing. */
    void close() {
        ongoingFault.set(null);
        CountDownLatch released = new CountDownLatch(0);
        stallRelease.getAndSet(released).countDown();
    }

    int requestCount() {
        return requests.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            RawAnswer raw = rawAnswers.poll();
            WeChatFault fault = raw == null ? nextFault() : null;
            if (raw != null) {
                send(exchange, raw.status(), "application/octet-stream", raw.body());
            } else if (fault != null) {
                answerWith(fault, exchange);
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "");
            } else {
                send(exchange, 200, "text/plain", answer(query(exchange.getRequestURI().getRawQuery())));
            }
        }
    }

    private WeChatFault nextFault() {
        WeChatFault queued = faults.poll();
        return queued != null ? queued : ongoingFault.get();
    }

    private String answer(Map<String, String> query) {
        if (!PARAMETERS.containsAll(query.keySet())) {
            return error(40097, "invalid args");
        } else if (!appId.equals(query.get("appid"))) {
            return error(40013, "invalid appid");
        } else if (!appSecret.equals(query.get("secret"))) {
            return error(40125, "invalid appsecret");
        } else if (!"authorization_code".equals(query.get("grant_type"))) {
            return error(40002, "invalid grant_type");
        } else if (query.get("js_code") == null) {
            return error(41008, "missing code");
        }
        return logins.redeem(query.get("js_code"))
                .map(Jscode2SessionHandler::session)
                .orElseGet(() -> logins.wasRedeemed(query.get("js_code"))
                        ? error(40163, "code been used") : error(40029, "invalid code"));
    }

    private static String session(SandboxLogins.Redeemed redeemed) {
        JsonText json = JsonText.object().put("session_key", redeemed.sessionKey());
        redeemed.user().unionId().ifPresent(unionId -> json.put("unionid", unionId));
        return json.put("openid", redeemed.user().openId()).toString();
    }

    private static String error(int errcode, String errmsg) {
        // WeChat appends a request id that its support asks for; it varies per request
        String rid = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return JsonText.object().put("errcode", errcode).put("errmsg", errmsg + ", rid: " + rid).toString();
    }

    private void answerWith(WeChatFault fault, HttpExchange exchange) throws IOException {
        switch (fault) {
            case SYSTEM_BUSY -> send(exchange, 200, "text/plain", error(-1, "system error"));
            case RATE_LIMITED -> send(exchange, 200, "text/plain",
                    error(45011, "api minute-quota reach limit  mustslower  retry next minute"));
            case HIGH_RISK_USER -> send(exchange, 200, "text/plain", error(40226, "invalid user, high risk"));
            case SERVER_ERROR -> send(exchange, 500, "text/html", "<html><body><h1>500 Internal Server Error</h1>");
            case HTML_PAGE -> send(exchange, 200, "text/html", "<!DOCTYPE html><html><body>Sign in to Wi-Fi</body>");
            case EMPTY_BODY -> send(exchange, 200, "text/plain", "");
            case BROKEN_BODY -> breakBody(exchange);
            case CONNECTION_RESET -> {
                // closing an exchange whose headers were never sent drops the connection
            }
            case STALL -> stall();
        }
    }

    private void stall() {
        try {
            stallRelease.get().await(LONGEST_STALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }

    private static void breakBody(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 1024);
        OutputStream body = exchange.getResponseBody();
        body.write("{\"session_key\":".getBytes(StandardCharsets.UTF_8));
        body.flush();
        // the JDK server drops the connection only when a handler fails with an IOException
        throw new IOException("the sandbox breaks this body off on purpose");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        // HTTP forbids a body for 1xx, 204 and 304; the JDK server refuses a length for them
        boolean bodyless = status < 200 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, bytes.length == 0 || bodyless ? -1 : bytes.length);
        if (bodyless) {
            return;
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An answer given verbatim, for clients that must survive whatever comes back. */
    private record RawAnswer(int status, String body) {
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
