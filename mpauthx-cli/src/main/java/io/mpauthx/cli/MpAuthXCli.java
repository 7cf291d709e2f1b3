package io.mpauthx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mpauthx} command: {@code demo}, {@code serve}, {@code users}, {@code import-users}, {@code check}. */
@Command(name = "mpauthx", mixinStandardHelpOptions = true, versionProvider = MpAuthXCli.ManifestVersion.class,
        description = "Login and access tokens for WeChat Mini Program backends.",
        subcommands = {DemoCommand.class, ServeCommand.class, UsersCommand.class, ImportUsersCommand.class,
                CheckCommand.class, CommandLine.HelpCommand.class})
public final class MpAuthXCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** @return the parser with every subcommand, ready to {@code execute}; tests call it in-process */
    public static CommandLine newCommandLine() {
        return newCommandLine(CommandLine.defaultFactory());
    }

    /** @param commands makes the subcommands' objects: picocli's way to hand a command what it works with */
    static CommandLine newCommandLine(CommandLine.IFactory commands) {
        return new CommandLine(new MpAuthXCli(), commands);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --version}: the version the jar was built as (its manifest), so no literal falls behind the build. */
    static final class ManifestVersion implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = MpAuthXCli.class.getPackage().getImplementationVersion();
            return new String[] {"mpauthx " + (version == null ? "(run from classes, no jar manifest)" : version)};
        }
    }
}
