package io.mpauthx.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the commands in-process, as the README's {@code ./mpauthx demo} does. */
class DemoCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MpAuthXCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void demoWalksThroughEveryStepAndSucceeds() {
        Path database = folder.resolve("nested/demo.db");

        int exitCode = run("demo", "--db", database.toString());

        assertThat(exitCode).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("Ann logs in the old way", "Bob logs in the modern way", "second device",
                        "refreshes", "refused with status 6008 (WeChat errcode 40163)", "tampered token")
                .doesNotContain("[FAILED]")
                .containsPattern("demo: OK, (\\d+) of \\1 steps behaved as specified");
        assertThat(database).exists();
    }

    @Test
    void demoPrintsNoFullToken() {
        run("demo", "--db", folder.resolve("demo.db").toString());

        assertThat(out.toString()).doesNotContainPattern("\\.demo\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void usersListsWhatTheDemoStored() {
        Path database = folder.resolve("demo.db");
        run("demo", "--db", database.toString());
        out.getBuffer().setLength(0);

        int exitCode = run("users", "--db", database.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("openId", "nickName", "Ann", "Hangzhou", "uBob_", "2 user(s) shown");
    }

    @Test
    void usersOfAMissingDatabaseIsAnErrorNotAnEmptyTable() {
        assertThat(run("users", "--db", folder.resolve("absent.db").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no database at");
    }

    @Test
    void checkOfAMalformedTokenIsInvalidWithoutTouchingRedis() {
        assertThat(run("check", "not-a-token", "--redis", "redis://127.0.0.1:1")).isEqualTo(1);
        assertThat(out.toString()).contains("invalid");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"demo", "users", "check"}) {
            out.getBuffer().setLength(0);
            assertThat(run(command, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: mpauthx " + command);
        }
    }
}
