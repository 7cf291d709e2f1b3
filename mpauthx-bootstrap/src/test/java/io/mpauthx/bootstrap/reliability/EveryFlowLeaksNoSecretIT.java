package io.mpauthx.bootstrap.reliability;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.testkit.logging.CapturedLogs;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatFault;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log and message hygiene: every flow of the facade, success and every failure, on the production
 * adapters (WeChat over HTTP, SQLite, Redis) with every logger at TRACE. No app secret, session_key, js_code, raw
 * token or decrypted plaintext may appear in any log line, exception message (causes included) or result's
 * {@code toString()}. The stored profile itself is what {@code findUser} is for, so only the plaintext's
 * watermark and openid marker are checked in that result.
 */
@ExtendWith(RedisServerExtension.class)
class EveryFlowLeaksNoSecretIT {

    private static final String APP_SECRET = "hygiene-app-secret-9d2f";
    /** Only the encrypted user data carries it: seeing it anywhere means decrypted plaintext leaked. */
    private static final String PLAINTEXT_MARK = "Nick-plaintext-7c1e";

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    @TempDir
    Path folder;

    private final List<String> secrets = new ArrayList<>(List.of(APP_SECRET, PLAINTEXT_MARK));
    private final List<String> shown = new ArrayList<>();

    @Test
    void noFlowShowsASecretAnywhere(LocalRedisServer redis) {
        SandboxUser ann = SandboxUser.withOpenId("oHygieneAnn").unionId("uHygieneAnn")
                .profile(new UserProfile(PLAINTEXT_MARK, 2, "zh_CN", "Hangzhou", "Zhejiang", "China", ""));
        try (WeChatSandbox weChat = WeChatSandbox.start("wx-hygiene", APP_SECRET);
             MpAuthX auth = MpAuthX.builder().appId("wx-hygiene").appSecret(APP_SECRET).sku("shop")
                     .sqlite(folder.resolve("users.db")).redis(redis.uri())
                     .redisCommandTimeout(Duration.ofMillis(500))
                     .weChatApiBaseUrl(weChat.baseUrl()).weChatRequestTimeout(Duration.ofSeconds(1)).build()) {
            String token = successes(auth, weChat, ann);
            weChatFailures(auth, weChat, ann);
            inputFailures(auth, weChat, ann, token);
            storeFailures(auth, weChat, ann, redis, token);
        }

        assertThat(logs.lines()).as("every level was captured, or this test proves nothing")
                .anyMatch(line -> line.contains("jscode2session")).hasSizeGreaterThan(20);
        assertThat(logs.linesContainingAny(secrets)).isEmpty();
        assertThat(shown).as("exception messages and results").hasSizeGreaterThan(30)
                .noneMatch(text -> secrets.stream().anyMatch(text::contains));
    }

    private String successes(MpAuthX auth, WeChatSandbox weChat, SandboxUser ann) {
        SandboxLogin login = remembered(weChat.newLogin(ann));
        weChat.failNext(WeChatFault.SYSTEM_BUSY);
        String token = issued(auth.authorize(login.code(), login.encryptedData(), login.iv()));
        String second = issued(auth.authorize(remembered(weChat.newLogin(ann)).code()));
        show(() -> auth.isTokenValid(token));
        show(() -> auth.isTokenValidAsync(token).toCompletableFuture().join());
        show(() -> auth.extractOpenId(token));
        show(() -> auth.extractSku(token));
        show(() -> auth.activeTokens("uHygieneAnn"));
        show(() -> auth.revokeToken(second));
        issued(auth.refreshToken("uHygieneAnn"));
        show(() -> auth.findUser("uHygieneAnn").map(user -> user.id().value() + user.createdAt()));
        show(() -> auth.revokeAllTokens("uHygieneAnn"));
        return issued(auth.authorize(remembered(weChat.newLogin(ann)).code()));
    }

    private void weChatFailures(MpAuthX auth, WeChatSandbox weChat, SandboxUser ann) {
        for (WeChatFault fault : WeChatFault.values()) {
            weChat.failNext(fault);
            if (fault == WeChatFault.SYSTEM_BUSY) {
                weChat.failNext(fault);
                weChat.failNext(fault);
            }
            SandboxLogin login = remembered(weChat.newLogin(ann));
            show(() -> auth.authorize(login.code(), login.encryptedData(), login.iv()));
            if (fault == WeChatFault.STALL) {
                weChat.heal();
            }
        }
        weChat.answerNext(200, "{\"errcode\":40029,\"errmsg\":\"invalid code " + APP_SECRET + ", rid: 1\"}");
        show(() -> auth.authorize(remembered(weChat.newLogin(ann)).code()));
    }

    private void inputFailures(MpAuthX auth, WeChatSandbox weChat, SandboxUser ann, String token) {
        SandboxLogin used = remembered(weChat.newLogin(ann));
        show(() -> auth.authorize(used.code()));
        show(() -> auth.authorize(used.code()));
        show(() -> auth.authorize("never-issued-code-1"));
        SandboxLogin stale = remembered(weChat.newLogin(ann));
        show(() -> auth.authorize(remembered(weChat.newLogin(ann)).code(), stale.encryptedData(), stale.iv()));
        SandboxLogin other = remembered(weChat.newLoginWithDataOf(ann, SandboxUser.withOpenId("oSomeoneElse")));
        show(() -> auth.authorize(other.code(), other.encryptedData(), other.iv()));
        SandboxLogin badIv = remembered(weChat.newLogin(ann));
        show(() -> auth.authorize(badIv.code(), badIv.encryptedData(), "AAAA"));
        show(() -> auth.authorize(null, "x", "y"));
        show(() -> auth.authorize(" "));
        show(() -> auth.refreshToken("uNeverRegistered"));
        show(() -> auth.refreshToken(""));
        show(() -> auth.isTokenValid(token.substring(1)));
        show(() -> auth.isTokenValid(token.toUpperCase()));
        show(() -> auth.revokeToken(token + "x"));
    }

    private void storeFailures(MpAuthX auth, WeChatSandbox weChat, SandboxUser ann, LocalRedisServer redis,
                               String token) {
        redis.stop();
        try {
            show(() -> auth.isTokenValid(token));
            show(() -> auth.isTokenValidAsync(token).toCompletableFuture().join());
            show(() -> auth.authorize(remembered(weChat.newLogin(ann)).code()));
            show(() -> auth.refreshToken("uHygieneAnn"));
            show(() -> auth.revokeToken(token));
            show(() -> auth.revokeAllTokens("uHygieneAnn"));
            show(() -> auth.activeTokens("uHygieneAnn"));
        } finally {
            redis.start();
        }
        auth.close();
        show(() -> auth.findUser("uHygieneAnn"));
        show(() -> auth.authorize(remembered(weChat.newLogin(ann)).code()));
        show(() -> auth.isTokenValid(token));
    }

    private SandboxLogin remembered(SandboxLogin login) {
        secrets.addAll(login.secrets());
        return login;
    }

    private String issued(AuthResult result) {
        secrets.add(result.token());
        secrets.add(result.token().substring(result.token().lastIndexOf('.') + 1));
        shown.add(result.toString());
        return result.token();
    }

    /** Runs one call and keeps everything it shows: its result, or its exception's text down the cause chain. */
    private void show(Supplier<?> call) {
        try {
            Object result = call.get();
            shown.add(String.valueOf(result));
        } catch (RuntimeException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                shown.add(cause.toString());
            }
        }
    }
}
