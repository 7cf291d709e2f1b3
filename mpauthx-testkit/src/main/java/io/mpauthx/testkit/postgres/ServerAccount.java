package io.mpauthx.testkit.postgres;

import com.sun.security.auth.module.UnixSystem;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operating-system account the PostgreSQL programs run as. They refuse to run as root, which containers and CI
 * machines often are: then they run as {@code nobody} (uid and gid 65534) through util-linux's {@code setpriv}, and
 * the fixture hands its directories over to that account. Anyone else runs them as themselves.
 */
final class ServerAccount {

    private static final int NOBODY = 65534;
    private static final boolean ROOT = new UnixSystem().getUid() == 0;

    private ServerAccount() {
    }

    /**
     * @param command a PostgreSQL program and its arguments
     * @return the command line that runs it as the server's account
     */
    static List<String> command(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> dropped = new ArrayList<>(List.of(setpriv().toString(),
                "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        dropped.addAll(command);
        return dropped;
    }

    /** Makes the server's account the owner of the directory and everything in it. */
    static void handOver(Path directory) {
        if (!ROOT) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.toList()) {
                Files.setAttribute(file, "unix:uid", NOBODY);
                Files.setAttribute(file, "unix:gid", NOBODY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + directory + " over to uid " + NOBODY, e);
        }
    }

    private static Path setpriv() {
        String path = System.getenv("PATH");
        for (String directory : (path == null ? "" : path).split(Pattern.quote(File.pathSeparator))) {
            Path candidate = Path.of(directory.isBlank() ? "." : directory, "setpriv");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("PostgreSQL refuses to run as root, and no setpriv (util-linux) is on PATH "
                + "to run it as nobody; install util-linux or run the tests as another user");
    }
}
