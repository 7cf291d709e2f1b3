package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.Concurrently;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Measures profile upserts per second (one durable commit each) with 1 and with 8 threads, each run on a fresh
 * file in a temp folder. A driver for docs/sqlite.md, not a test: speed is never asserted.
 * Arguments: users per thread (default 2000), folder (default the system temp folder).
 */
public final class UpsertThroughput {

    private static final UserProfile PROFILE =
            new UserProfile("Bench", 1, "zh_CN", "Guangzhou", "Guangdong", "China", "https://example.com/a.png");

    private UpsertThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path parent = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        for (int threads : new int[] {1, 8}) {
            Path folder = Files.createTempDirectory(parent, "mpauthx-bench");
            try {
                double perSecond = run(folder.resolve("users.db"), threads, perThread);
                System.out.printf("%d thread(s) x %d users: %.0f users/s%n", threads, perThread, perSecond);
            } finally {
                delete(folder);
            }
        }
    }

    private static double run(Path file, int threads, int perThread) throws Exception {
        try (UserRepository users = SqliteAdapters.userRepository(file)) {
            long start = System.nanoTime();
            Concurrently.run(threads, thread -> {
                for (int i = 0; i < perThread; i++) {
                    users.saveProfile(UserId.of("oBench" + thread + "x" + i), PROFILE);
                }
                return perThread;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            return threads * perThread / seconds;
        }
    }

    private static void delete(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
