package io.mpauthx.cli;

import io.mpauthx.testkit.wechat.WeChatFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the commands in-process, as the README's {@code ./mpauthx demo} does. */
class DemoCommandTest {

    @TempDir
    Path folder;

    private final CapturedCli cli = new CapturedCli();

    @Test
    void demoWalksThroughEveryStepAndSucceeds() {
        Path database = folder.resolve("nested/demo.db");

        int exitCode = cli.run("demo", "--db", database.toString());

        assertThat(exitCode).as(cli.out() + "\n" + cli.err()).isZero();
        assertThat(cli.out())
                .contains("Ann logs in the old way", "Bob logs in the modern way", "second device",
                        "refreshes", "refused with status 6008 (WeChat errcode 40163)", "tampered token")
                .doesNotContain("[FAILED]")
                .containsPattern("demo: OK, (\\d+) of \\1 steps behaved as specified");
        assertThat(database).exists();
    }

    @Test
    void demoReportsTheStepsThatFailWhenWeChatRefusesEveryLoginAndExitsNonZero() {
        CapturedCli refusingWeChat = new CapturedCli(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DemoCommand.class
                        ? type.cast(new DemoCommand(weChat -> weChat.failEveryRequest(WeChatFault.HIGH_RISK_USER)))
                        : CommandLine.defaultFactory().create(type);
            }
        });

        int exitCode = refusingWeChat.run("demo", "--db", folder.resolve("demo.db").toString());

        assertThat(exitCode).as(refusingWeChat.out() + "\n" + refusingWeChat.err()).isEqualTo(1);
        assertThat(refusingWeChat.err()).doesNotContain("Exception");
        assertThat(refusingWeChat.out())
                .contains("-> refused: 6008", "[FAILED] login succeeds", "[FAILED] a tampered token is rejected",
                        "[FAILED] Bob logs out")
                .containsPattern("demo: FAILED, \\d+ of \\d+ steps behaved as specified");
    }

    @Test
    void demoPrintsNoFullToken() {
        cli.run("demo", "--db", folder.resolve("demo.db").toString());

        assertThat(cli.out()).doesNotContainPattern("\\.demo\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void usersListsWhatTheDemoStored() {
        Path database = folder.resolve("demo.db");
        cli.run("demo", "--db", database.toString());

        int exitCode = cli.run("users", "--db", database.toString());

        assertThat(exitCode).isZero();
        assertThat(cli.out()).contains("openId", "nickName", "Ann", "Hangzhou", "uBob_", "2 user(s) shown");
    }

    @Test
    void checkOfAMalformedTokenIsInvalidWithoutTouchingRedis() {
        assertThat(cli.run("check", "not-a-token", "--redis", "redis://127.0.0.1:1")).isEqualTo(1);
        assertThat(cli.out()).contains("invalid");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"demo", "users", "check"}) {
            assertThat(cli.run(command, "--help")).isZero();
            assertThat(cli.out()).contains("Usage: mpauthx " + command);
        }
    }
}
