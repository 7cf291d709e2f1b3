package io.mpauthx.bootstrap.reliability;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One caller's share of a mixed load: new users log in (code only, through the sandbox), known users' tokens are
 * checked, and known users refresh. A caller works on its own users only, so that what it acknowledged is known
 * exactly. Not thread-safe: one per caller thread.
 */
final class Workload {

    private final MpAuthX auth;
    private final WeChatSandbox weChat;
    private final Ledger ledger;
    private final int checksPerLogin;
    private final List<String> users = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    /**
     * @param checksPerLogin how many checks per login; refreshes are as frequent as logins
     */
    Workload(MpAuthX auth, WeChatSandbox weChat, Ledger ledger, int checksPerLogin) {
        this.auth = auth;
        this.weChat = weChat;
        this.ledger = ledger;
        this.checksPerLogin = checksPerLogin;
    }

    /** Makes one call, chosen by the mix, and records it in {@code figures}. */
    void callOnce(CallFigures figures) {
        int draw = ThreadLocalRandom.current().nextInt(checksPerLogin + 2);
        if (users.isEmpty() || draw == 0) {
            login(figures);
        } else if (draw == 1) {
            refresh(figures);
        } else {
            int index = ThreadLocalRandom.current().nextInt(tokens.size());
            figures.call(() -> auth.isTokenValid(tokens.get(index)));
        }
    }

    private void login(CallFigures figures) {
        String userId = "o" + UUID.randomUUID().toString().replace("-", "");
        String code = weChat.newLogin(SandboxUser.withOpenId(userId)).code();
        AuthResult result = figures.call(() -> auth.authorize(code));
        if (result != null) {
            ledger.acknowledged(userId, result.token());
            users.add(userId);
            tokens.add(result.token());
        }
    }

    private void refresh(CallFigures figures) {
        int index = ThreadLocalRandom.current().nextInt(users.size());
        String userId = users.get(index);
        AuthResult result = figures.call(() -> auth.refreshToken(userId));
        if (result != null) {
            ledger.acknowledged(userId, result.token());
            tokens.set(index, result.token());
        } else {
            ledger.refreshFailed(userId);
        }
    }
}
