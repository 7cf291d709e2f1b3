package io.mpauthx.testkit.wechat;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for WeChat's {@code jscode2session}, {@code stable_token} and {@code getuserphonenumber}: a real
 * HTTP server on a free loopback port that knows one app (id and secret), the logins made with {@link #newLogin}
 * and the phone codes made with {@link #newPhoneCode}. Each login code works once; a reused code answers errcode
 * 40163, an unknown one 40029, a wrong app id 40013, a wrong secret 40125. A phone code works once within five
 * minutes (40029 otherwise), and only with a valid access_token (40001 unknown, 42001 expired). {@link #failNext}
 * makes the next requests, to any endpoint, fail in a chosen way instead. Thread-safe; close it to free the port
 * and release stalled requests.
 *
 * <pre>{@code
 * try (WeChatSandbox weChat = WeChatSandbox.start("wx-test-app", "test-secret")) {
 *     SandboxLogin login = weChat.newLogin(SandboxUser.withOpenId("o-alice"));
 *     // point the client at weChat.baseUrl() and send login.code() (+ encryptedData, iv)
 * }
 * }</pre>
 */
public final class WeChatSandbox implements AutoCloseable {

    /**
     * The JDK's HttpServer flushes a response's headers before its body and leaves Nagle on: the body then waits
     * for the client's delayed ACK of the headers (40 ms on Linux), so every jscode2session took ~45 ms on loopback
     * (20 logins/s for one caller). The server reads this property once, when its classes load.
     */
    static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final String appId;
    private final HttpServer server;
    private final ExecutorService threads;
    private final SandboxLogins logins = new SandboxLogins();
    private final SandboxFaults faults = new SandboxFaults();
    private final SandboxClock clock = new SandboxClock();
    private final SandboxAccessTokens accessTokens = new SandboxAccessTokens(clock);
    private final SandboxPhoneCodes phoneCodes = new SandboxPhoneCodes(clock);
    private final Jscode2SessionHandler handler;
    private final StableTokenHandler stableToken;
    private final PhoneNumberHandler phoneNumbers;

    private WeChatSandbox(String appId, String appSecret, HttpServer server) {
        this.appId = appId;
        this.server = server;
        this.handler = new Jscode2SessionHandler(appId, appSecret, logins, faults);
        this.stableToken = new StableTokenHandler(appId, appSecret, accessTokens, faults);
        this.phoneNumbers = new PhoneNumberHandler(appId, accessTokens, phoneCodes, clock, faults);
        // one thread per request, so a stalled request never blocks the next one
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "wechat-sandbox");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/sns/jscode2session", handler);
        server.createContext("/cgi-bin/stable_token", stableToken);
        server.createContext("/wxa/business/getuserphonenumber", phoneNumbers);
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Starts a sandbox on 127.0.0.1 and a free port.
     *
     * @param appId the app id it accepts and puts into watermarks
     * @param appSecret the app secret it accepts
     * @return the running sandbox
     * @throws UncheckedIOException if no loopback port could be bound
     */
    public static WeChatSandbox start(String appId, String appSecret) {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            return new WeChatSandbox(appId, appSecret, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the WeChat sandbox to a loopback port", e);
        }
    }

    /** @return where to send jscode2session, e.g. {@code http://127.0.0.1:41234}; WeChat's is https://api.weixin.qq.com */
    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** @return the app id the sandbox accepts */
    public String appId() {
        return appId;
    }

    /**
     * A {@code wx.login()} plus {@code wx.getUserInfo()} of this user: a fresh one-time code, and the user data
     * encrypted with that login's session key under a watermark naming this app.
     *
     * @param user who logs in
     * @return the code, encryptedData, iv and (for decryption tests) the session key
     */
    public SandboxLogin newLogin(SandboxUser user) {
        return logins.issue(Objects.requireNonNull(user, "user"), user, appId);
    }

    /**
     * A login whose code belongs to {@code user} but whose encrypted data describes {@code inData}, as a replayed
     * or forged {@code encryptedData} would: the client must refuse an openid or unionid mismatch.
     *
     * @param user whose ids jscode2session answers for the code
     * @param inData whose ids and profile the encrypted data carries
     * @return the login
     */
    public SandboxLogin newLoginWithDataOf(SandboxUser user, SandboxUser inData) {
        return logins.issue(Objects.requireNonNull(user, "user"), Objects.requireNonNull(inData, "inData"), appId);
    }

    /**
     * What the phone-number button gives the Mini Program of this user: a fresh one-time code that
     * getuserphonenumber exchanges for {@link SandboxUser#phone()} once, within five minutes of the sandbox's time.
     *
     * @param user whose number the code stands for
     * @return the code; a secret like a login code
     */
    public String newPhoneCode(SandboxUser user) {
        return phoneCodes.issue(Objects.requireNonNull(user, "user"));
    }

    /**
     * Moves the sandbox's time forward: phone codes and access_tokens expire by it.
     *
     * @param time how much time passes
     */
    public void elapse(Duration time) {
        if (Objects.requireNonNull(time, "time").isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        clock.elapse(time);
    }

    /**
     * Sets the lifetime of the access_tokens stable_token makes from now on (WeChat's is 7200 seconds), so that tests
     * can watch one expire.
     *
     * @param lifetime at least one second
     */
    public void accessTokenLifetime(Duration lifetime) {
        if (Objects.requireNonNull(lifetime, "lifetime").toSeconds() < 1) {
            throw new IllegalArgumentException("an access_token lives at least one second");
        }
        accessTokens.lifetime(lifetime);
    }

    /**
     * Invalidates every access_token handed out so far, as another client's forced or classic fetch would: the next
     * server API call carrying one answers 40001, and stable_token hands out a new one.
     */
    public void invalidateAccessTokens() {
        accessTokens.invalidateAll();
    }

    /** Answers 40001 to every server API call, whatever access_token it carries, until {@link #heal()}. */
    public void rejectEveryAccessToken() {
        accessTokens.rejectEvery(true);
    }

    /** @return every access_token stable_token handed out so far, for tests proving that none is logged */
    public List<String> issuedAccessTokens() {
        return accessTokens.everyIssued();
    }

    /** @return true while the access_token stable_token last handed out is valid */
    public boolean hasValidAccessToken() {
        return accessTokens.hasValidToken();
    }

    /** @return how many requests reached stable_token so far, faulted ones included */
    public int stableTokenRequestCount() {
        return stableToken.requestCount();
    }

    /** @return how many requests reached getuserphonenumber so far, faulted ones included */
    public int phoneNumberRequestCount() {
        return phoneNumbers.requestCount();
    }

    /**
     * Makes the next request fail this way instead of being answered. Calls queue up: two calls fail the next two
     * requests, in order.
     *
     * @param fault how to fail
     */
    public void failNext(WeChatFault fault) {
        faults.failNext(Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Makes the next request answer exactly this, whatever it asked: for clients that must survive any answer.
     * Raw answers queue up like faults and come before them.
     *
     * @param status the HTTP status, 100–599; statuses that forbid a body (1xx, 204, 304) are sent without one
     * @param body the body, sent as UTF-8 with the length announced
     */
    public void answerNext(int status, String body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status " + status + " is outside 100-599");
        }
        faults.answerNext(status, Objects.requireNonNull(body, "body"));
    }

    /**
     * Fails every request this way, queued ones after {@link #failNext} faults, until {@link #heal()}: for fault
     * phases that last a while under load.
     *
     * @param fault how to fail
     */
    public void failEveryRequest(WeChatFault fault) {
        faults.failEveryRequest(Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Ends {@link #failEveryRequest} and {@link #rejectEveryAccessToken}, and releases every request stalled so far;
     * later requests are answered normally.
     */
    public void heal() {
        accessTokens.rejectEvery(false);
        faults.heal();
    }

    /** @return how many requests reached jscode2session so far, faulted ones included */
    public int requestCount() {
        return handler.requestCount();
    }

    /** Releases stalled requests, stops the server and frees the port. Idempotent. */
    @Override
    public void close() {
        faults.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
