package io.mpauthx.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The {@code mpauthx} command line run in-process, as the README's {@code ./mpauthx} runs it, its output captured. */
final class CapturedCli {

    private final CommandLine.IFactory commands;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The command line as shipped. */
    CapturedCli() {
        this(CommandLine.defaultFactory());
    }

    /** @param commands makes the command objects, for tests that hand a command a prepared part */
    CapturedCli(CommandLine.IFactory commands) {
        this.commands = commands;
    }

    /**
     * Runs one command line; the output of earlier runs is dropped.
     *
     * @return its exit code
     */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = MpAuthXCli.newCommandLine(commands);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** @return what the last run printed on standard output */
    String out() {
        return out.toString();
    }

    /** @return what the last run printed on standard error */
    String err() {
        return err.toString();
    }
}
