package io.mpauthx.testkit.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing the temporary directories the fixture makes: when closed, and at the latest when the JVM exits. */
final class Directories {

    private Directories() {
    }

    /** Deletes the directory and everything in it; a leftover is harmless and never fails a test run. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException leftBehind) {
            // a temp directory left behind is harmless and not worth failing a test run over
        }
    }

    /** Deletes the directory when the JVM exits normally. */
    static void deleteOnExit(Path directory) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory), "delete " + directory));
    }
}
