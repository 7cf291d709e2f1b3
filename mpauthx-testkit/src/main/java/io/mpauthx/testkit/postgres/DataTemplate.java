package io.mpauthx.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An initialised, never started data directory per set of binaries, made by {@code initdb} once per JVM and copied
 * for every server: a copy takes a tenth of the time {@code initdb} does. Deleted when the JVM exits.
 */
final class DataTemplate {

    /** The superuser {@code initdb} creates; it logs in without a password, from loopback only. */
    static final String SUPERUSER = "postgres";
    private static final long INITDB_TIMEOUT_SECONDS = 120;

    /**
     * Who may log in how: the superuser without a password, everyone else with theirs (SCRAM), all from loopback
     * TCP only; there is no Unix socket.
     */
    private static final String HOST_BASED_AUTHENTICATION = String.join("\n",
            "host all " + SUPERUSER + " 127.0.0.1/32 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "");

    private static final Map<Path, Path> TEMPLATES = new HashMap<>();

    private DataTemplate() {
    }

    /**
     * Copies the template of these binaries, making it first if needed, into {@code target}, which must not exist.
     *
     * @param binaries whose {@code initdb} makes the template
     * @param target the new data directory, owned by the server's account
     */
    static void copy(PostgresBinaries binaries, Path target) {
        Path template = of(binaries);
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(template.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the data directory " + template + " to " + target, e);
        }
        ServerAccount.handOver(target);
    }

    private static synchronized Path of(PostgresBinaries binaries) {
        return TEMPLATES.computeIfAbsent(binaries.directory(), directory -> initdb(binaries));
    }

    private static Path initdb(PostgresBinaries binaries) {
        try {
            Path root = Files.createTempDirectory("mpauthx-postgres-template-");
            Directories.deleteOnExit(root);
            ServerAccount.handOver(root);
            Path data = root.resolve("data");
            Path log = root.resolve("initdb.log");
            Process initdb = new ProcessBuilder(ServerAccount.command(List.of(binaries.initdb().toString(),
                    "--pgdata=" + data, "--username=" + SUPERUSER, "--auth=trust", "--encoding=UTF8",
                    "--locale=C", "--no-sync")))
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!initdb.waitFor(INITDB_TIMEOUT_SECONDS, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IllegalStateException(binaries.initdb() + " failed: " + Files.readString(log));
            }
            Files.writeString(data.resolve("pg_hba.conf"), HOST_BASED_AUTHENTICATION);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binaries.initdb(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + binaries.initdb(), e);
        }
    }
}
