package io.mpauthx.cli;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a Mini Program backend does, step by step, each step checked against the specification. Tokens are
 * printed shortened: a demo shows what a token looks like without handing a live one to the terminal log.
 */
final class DemoWalkthrough {

    static final String SUMMARY_PREFIX = "demo: ";
    /** What a refused login leaves for the steps after it: a token no check accepts. */
    private static final String NO_TOKEN = "";

    private final MpAuthX auth;
    private final WeChatSandbox weChat;
    private final PrintWriter out;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private int steps;
    private int passed;

    DemoWalkthrough(MpAuthX auth, WeChatSandbox weChat, PrintWriter out) {
        this.auth = auth;
        this.weChat = weChat;
        this.out = out;
    }

    void printSetting(Path database, String tokenStore) {
        out.printf("mpauthx demo: WeChat sandbox at %s, users in %s, tokens %s%n%n",
                weChat.baseUrl(), database.toAbsolutePath(), tokenStore);
    }

    boolean run() {
        SandboxUser ann = SandboxUser.withOpenId("oAnn_" + runId)
                .profile(new UserProfile("Ann", 2, "zh_CN", "Hangzhou", "Zhejiang", "China", "https://example.com/ann.png"));
        SandboxUser bob = SandboxUser.withOpenId("oBob_" + runId).unionId("uBob_" + runId);

        String bobPhone = login("Bob logs in the modern way: wx.login code only (his app has a unionid)",
                () -> auth.authorize(weChat.newLogin(bob).code()));
        String bobId = "uBob_" + runId;
        check("Bob is registered under his unionid, without profile",
                () -> auth.findUser(bobId).map(user -> user.profile().isEmpty()).orElse(false));
        check("Bob taps the phone-number button: its code gives his number, stored on him",
                () -> auth.phoneNumber(bobId, weChat.newPhoneCode(bob)).equals(bob.phone())
                        && auth.findUser(bobId).flatMap(User::phone).equals(Optional.of(bob.phone())));
        check("Bob fills in nickname and avatar with WeChat's widgets: stored as given",
                () -> auth.updateProfile(bobId, "Bob 🚲", "https://thirdwx.qlogo.cn/mmopen/bob/132").profile()
                        .map(UserProfile::nickName).filter("Bob 🚲"::equals).isPresent());
        check("a nickname that would break other users' screens is refused with 6001",
                () -> refusedWith(6001, () -> auth.updateProfile(bobId, "Bob\u202Egnp.exe",
                        "https://example.com/b.png")));

        SandboxLogin annLogin = weChat.newLogin(ann);
        String annPhone = login("Ann logs in the old way: wx.login code + wx.getUserInfo encryptedData/iv",
                () -> auth.authorize(annLogin.code(), annLogin.encryptedData(), annLogin.iv()));
        check("her profile is stored", () -> auth.findUser(ann.openId()).flatMap(User::profile)
                .map(UserProfile::nickName).filter("Ann"::equals).isPresent());

        String annTablet = login("Ann logs in on a second device", () -> auth.authorize(weChat.newLogin(ann).code()));
        check("isTokenValid is true for each of the three tokens",
                () -> auth.isTokenValid(annPhone) && auth.isTokenValid(annTablet) && auth.isTokenValid(bobPhone));
        check("Ann has two active devices", () -> auth.activeTokens(ann.openId()).size() == 2);

        String annRefreshed = login("Ann refreshes her token", () -> auth.refreshToken(ann.openId()));
        check("the refresh revoked both earlier tokens and the new one is valid",
                () -> !auth.isTokenValid(annPhone) && !auth.isTokenValid(annTablet) && auth.isTokenValid(annRefreshed));

        refusedReusedCode(annLogin);
        check("a tampered token is rejected", () -> !auth.isTokenValid(tamper(bobPhone)) && auth.isTokenValid(bobPhone));
        check("Bob logs out: revokeToken ends his token", () -> auth.revokeToken(bobPhone) && !auth.isTokenValid(bobPhone));

        boolean allPassed = passed == steps;
        out.printf("%n%s%s%d of %d steps behaved as specified%n", SUMMARY_PREFIX,
                allPassed ? "OK, " : "FAILED, ", passed, steps);
        out.flush();
        return allPassed;
    }

    private String login(String description, Supplier<AuthResult> call) {
        out.printf("* %s%n", description);
        try {
            AuthResult result = call.get();
            out.printf("    -> %s%n", result.toJson().replace(result.token(), shorten(result.token())));
            record(result.statusCode() == 1 && auth.isTokenValid(result.token()), "login answered status 1 with a valid token");
            return result.token();
        } catch (RuntimeException failure) {
            out.printf("    -> refused: %s%n", describe(failure));
            record(false, "login succeeds");
            return NO_TOKEN;
        }
    }

    private void refusedReusedCode(SandboxLogin usedLogin) {
        out.printf("* an attacker replays Ann's first code%n");
        try {
            auth.authorize(usedLogin.code());
            record(false, "a reused code is refused");
        } catch (MpAuthXException refusal) {
            out.printf("    -> refused with status %d (WeChat errcode %s)%n", refusal.statusCode().code(),
                    refusal.weChatErrorCode().isPresent() ? refusal.weChatErrorCode().getAsInt() : "none");
            record(refusal.statusCode().code() == 6008 && refusal.weChatErrorCode().orElse(0) == 40163,
                    "a reused code is refused with 6008 / errcode 40163");
        }
    }

    private static boolean refusedWith(int statusCode, Runnable call) {
        try {
            call.run();
            return false;
        } catch (MpAuthXException refusal) {
            return refusal.statusCode().code() == statusCode;
        }
    }

    /** A step that throws has failed, whatever it throws: the demo reports it and goes on to the next. */
    private void check(String description, BooleanSupplier expectation) {
        boolean held;
        try {
            held = expectation.getAsBoolean();
        } catch (RuntimeException failure) {
            out.printf("    -> %s%n", describe(failure));
            held = false;
        }
        record(held, description);
    }

    /** The contract's failures speak for themselves; anything else is named, being a defect the demo found. */
    private static String describe(RuntimeException failure) {
        return failure instanceof MpAuthXException ? failure.getMessage()
                : failure.getClass().getName() + ": " + failure.getMessage();
    }

    private void record(boolean held, String description) {
        steps++;
        if (held) {
            passed++;
        }
        out.printf("    [%s] %s%n", held ? "ok" : "FAILED", description);
    }

    /** @return the token with its last character changed; no token stays none, so no step can pass on it */
    private static String tamper(String token) {
        if (token.isEmpty()) {
            return token;
        }
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    /** Shows a token's user and sku and the first characters of its secret only. */
    private static String shorten(String text) {
        int lastDot = text.lastIndexOf('.');
        if (lastDot < 0 || text.length() - lastDot < 10) {
            return text;
        }
        return text.substring(0, lastDot + 7) + "...";
    }
}
