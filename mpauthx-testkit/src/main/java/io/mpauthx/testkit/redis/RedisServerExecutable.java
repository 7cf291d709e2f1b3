package io.mpauthx.testkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a {@code redis-server} to run: the one on {@code PATH} when there is one, else the binary shipped inside
 * {@code com.github.codemonstur:embedded-redis}, so a fresh machine needs nothing but a JDK and Maven. The system
 * property {@value #PROPERTY} overrides both: a path to a binary, or {@code shipped} for embedded-redis's.
 */
final class RedisServerExecutable {

    /** System property naming the binary to run instead of looking for one. */
    static final String PROPERTY = "mpauthx.redis-server";
    private static final String NAME = "redis-server";

    private static Path shipped;

    private RedisServerExecutable() {
    }

    /** @return the executable to start */
    static Path locate() {
        String chosen = System.getProperty(PROPERTY, "");
        if (chosen.equals("shipped")) {
            return shipped();
        }
        if (!chosen.isBlank()) {
            return Path.of(chosen);
        }
        return onPath().orElseGet(RedisServerExecutable::shipped);
    }

    /** @return the first executable {@code redis-server} in a {@code PATH} directory */
    static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(Pattern.quote(java.io.File.pathSeparator))) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, NAME);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Extracts, once per JVM, the binary embedded-redis ships for this operating system and architecture.
     *
     * @return the extracted, executable file
     */
    static synchronized Path shipped() {
        if (shipped == null) {
            shipped = extract(shippedResourceName());
        }
        return shipped;
    }

    /** The resource names of embedded-redis 1.4.3 (the version the parent pom manages). */
    static String shippedResourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("mac") || os.contains("darwin")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("linux")) {
            if (arm) {
                return "redis-server-6.2.7-linux-arm64";
            }
            return arch.contains("64") ? "redis-server-6.2.6-v5-linux-amd64" : "redis-server-6.2.7-linux-386";
        }
        throw new IllegalStateException("no redis-server on PATH and none shipped for " + os + "/" + arch
                + "; install Redis");
    }

    private static Path extract(String resource) {
        try (InputStream binary = RedisServerExecutable.class.getClassLoader().getResourceAsStream(resource)) {
            if (binary == null) {
                throw new IllegalStateException("no redis-server on PATH and " + resource
                        + " is not on the classpath (com.github.codemonstur:embedded-redis)");
            }
            Path file = Files.createTempFile("mpauthx-" + NAME + "-", "");
            file.toFile().deleteOnExit();
            Files.copy(binary, file, StandardCopyOption.REPLACE_EXISTING);
            if (!file.toFile().setExecutable(true, true)) {
                throw new IllegalStateException("cannot make " + file + " executable");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
    }
}
