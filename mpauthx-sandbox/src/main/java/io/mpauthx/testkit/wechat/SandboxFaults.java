package io.mpauthx.testkit.wechat;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults and raw answers queued for the sandbox's next requests, whichever endpoint they reach, and how each
 * is answered; also the way every endpoint writes its answers.
 */
final class SandboxFaults {

    private static final long LONGEST_STALL_SECONDS = 120;

    private final Queue<WeChatFault> faults = new ConcurrentLinkedQueue<>();
    private final Queue<RawAnswer> rawAnswers = new ConcurrentLinkedQueue<>();
    private final AtomicReference<WeChatFault> ongoingFault = new AtomicReference<>();
    /** Stalled requests wait on the latch current when they began; healing or closing counts it down. */
    private final AtomicReference<CountDownLatch> stallRelease = new AtomicReference<>(new CountDownLatch(1));

    void failNext(WeChatFault fault) {
        faults.add(fault);
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

    /**
     * Answers the request with the next raw answer or fault, if one is queued or ongoing.
     *
     * @return true if the request was answered so; false if the endpoint is to answer it
     */
    boolean answeredInstead(HttpExchange exchange) throws IOException {
        RawAnswer raw = rawAnswers.poll();
        if (raw != null) {
            send(exchange, raw.status(), "application/octet-stream", raw.body());
            return true;
        }
        WeChatFault queued = faults.poll();
        WeChatFault fault = queued != null ? queued : ongoingFault.get();
        if (fault == null) {
            return false;
        }
        answerWith(fault, exchange);
        return true;
    }

    private void answerWith(WeChatFault fault, HttpExchange exchange) throws IOException {
        switch (fault) {
            case SYSTEM_BUSY -> send(exchange, 200, "text/plain", error(-1, "system error"));
            case RATE_LIMITED -> send(exchange, 200, "text/plain",
                    error(45011, "api minute-quota reach limit  mustslower  retry next minute"));
            case HIGH_RISK_USER -> send(exchange, 200, "text/plain", error(40226, "invalid user, high risk"));
            case INVALID_ACCESS_TOKEN -> send(exchange, 200, "text/plain",
                    error(40001, "invalid credential, access_token is invalid or not latest"));
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

    static String error(int errcode, String errmsg) {
        // WeChat appends a request id that its support asks for; it varies per request
        String rid = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return JsonText.object().put("errcode", errcode).put("errmsg", errmsg + ", rid: " + rid).toString();
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
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
}
