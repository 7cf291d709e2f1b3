package io.mpauthx.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code --verbose}, shared by every command: the library's debug log on standard error, instead of INFO and up. */
final class LoggingOptions {

    // the default value makes picocli call this on every run, so a run after a verbose one in the same JVM is quiet
    @Option(names = {"-v", "--verbose"}, defaultValue = "false",
            description = "Print mpauthx's debug log to standard error.")
    void verbose(boolean verbose) {
        Logger mpauthx = (Logger) LoggerFactory.getLogger("io.mpauthx");
        mpauthx.setLevel(verbose ? Level.DEBUG : Level.INFO);
    }
}
