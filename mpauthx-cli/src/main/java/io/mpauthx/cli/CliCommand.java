package io.mpauthx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;

/** What every subcommand shares: {@code --verbose}, and the output streams picocli gives it (tests capture them). */
abstract class CliCommand {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private LoggingOptions logging;

    /** @return the command line running this command, for the exceptions picocli reports as usage errors */
    CommandLine commandLine() {
        return spec.commandLine();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
