package io.mpauthx.cli;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code mpauthx demo}: the whole life of a Mini Program login against a local WeChat sandbox. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Walk through logins, checks, refresh and refusals against a local WeChat sandbox; "
                + "exits 0 only if every step behaved as specified.")
final class DemoCommand extends CliCommand implements Callable<Integer> {

    static final String DEMO_APP_ID = "wxdemo0000000000";
    private static final String DEMO_APP_SECRET = "demo-app-secret";

    @Option(names = "--db", defaultValue = "mpauthx-demo.db", description = "SQLite user database (default: ${DEFAULT-VALUE}).")
    private Path database;

    @Option(names = "--redis", description = "Redis URI for tokens, e.g. redis://127.0.0.1:6379 (default: in memory).")
    private String redisUri;

    /** Prepares the sandbox before the walk starts: nothing for the shipped demo, a fault for tests of failed steps. */
    private final Consumer<WeChatSandbox> prepareSandbox;

    DemoCommand() {
        this(weChat -> { });
    }

    DemoCommand(Consumer<WeChatSandbox> prepareSandbox) {
        this.prepareSandbox = prepareSandbox;
    }

    @Override
    public Integer call() {
        try (WeChatSandbox weChat = WeChatSandbox.start(DEMO_APP_ID, DEMO_APP_SECRET);
             MpAuthX auth = configure(weChat).build()) {
            prepareSandbox.accept(weChat);
            DemoWalkthrough walkthrough = new DemoWalkthrough(auth, weChat, out());
            walkthrough.printSetting(database, redisUri == null ? "in memory" : redisUri);
            return walkthrough.run() ? 0 : 1;
        }
    }

    private MpAuthXBuilder configure(WeChatSandbox weChat) {
        MpAuthXBuilder builder = MpAuthX.builder()
                .appId(DEMO_APP_ID).appSecret(DEMO_APP_SECRET).sku("demo")
                .weChatApiBaseUrl(weChat.baseUrl())
                .sqlite(database);
        return redisUri == null ? builder.inMemoryTokenStore() : builder.redis(redisUri);
    }
}
