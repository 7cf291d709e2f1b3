package io.mpauthx.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A program that measures a reference (redis-benchmark, pgbench): found beside its server or on PATH. */
final class ReferenceProgram {

    private static final long TIMEOUT_SECONDS = 180;

    private ReferenceProgram() {
    }

    /** @return the program in {@code directory}, else the first on {@code PATH}; empty when there is none */
    static Optional<Path> locate(Path directory, String name) {
        Path beside = directory.resolve(name);
        if (Files.isExecutable(beside)) {
            return Optional.of(beside);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String entry : path.split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isBlank() && Files.isExecutable(Path.of(entry, name))) {
                return Optional.of(Path.of(entry, name));
            }
        }
        return Optional.empty();
    }

    /**
     * @param command the program and its arguments
     * @param environment added to this process's environment
     * @return what it printed, standard error included
     * @throws IllegalStateException when it cannot start, does not finish in time, or exits with a failure
     */
    static String run(List<String> command, Map<String, String> environment) {
        String name = Path.of(command.get(0)).getFileName().toString();
        try {
            Path output = Files.createTempFile("mpauthx-" + name + "-", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(name + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                String printed = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(name + " failed (" + process.exitValue() + "): " + printed.strip());
                }
                return printed;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " ran", e);
        }
    }
}
