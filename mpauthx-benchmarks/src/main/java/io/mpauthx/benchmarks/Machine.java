package io.mpauthx.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the machine was doing while a figure was taken: shared cores make every figure depend on it. */
final class Machine {

    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private Machine() {
    }

    /** @return the 1-minute load average and the core count, e.g. {@code 1.52/2 cores}; {@code ?} where unknown */
    static String load() {
        String cores = Runtime.getRuntime().availableProcessors() + " cores";
        try {
            String[] fields = Files.readString(LOAD_AVERAGE).trim().split("\\s+");
            return fields[0] + "/" + cores;
        } catch (IOException | RuntimeException unknown) {
            return "?/" + cores;
        }
    }
}
