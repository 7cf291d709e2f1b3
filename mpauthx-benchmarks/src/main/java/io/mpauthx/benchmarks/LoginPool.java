package io.mpauthx.benchmarks;

import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One-time logins made in the sandbox before the clock runs, so that encrypting the phone's user data is not
 * counted as the server's work. Should the pool run dry, logins are made on the spot (and counted).
 */
final class LoginPool {

    private final WeChatSandbox weChat;
    private final int users;
    private final Queue<SandboxLogin> ready = new ConcurrentLinkedQueue<>();

    /**
     * @param weChat the sandbox the logins are made in
     * @param users how many different users log in, again and again
     * @param size how many logins to make now
     */
    LoginPool(WeChatSandbox weChat, int users, int size) {
        this.weChat = weChat;
        this.users = users;
        for (int i = 0; i < size; i++) {
            ready.add(newLogin());
        }
    }

    SandboxLogin next() {
        SandboxLogin login = ready.poll();
        return login != null ? login : newLogin();
    }

    private SandboxLogin newLogin() {
        int user = ThreadLocalRandom.current().nextInt(users);
        return weChat.newLogin(SandboxUser.withOpenId(LiveTokens.openId(user)));
    }
}
