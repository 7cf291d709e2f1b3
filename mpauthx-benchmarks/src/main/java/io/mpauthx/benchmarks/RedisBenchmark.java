package io.mpauthx.benchmarks;

import io.mpauthx.testkit.redis.LocalRedisServer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code redis-benchmark -t get} against the benchmark's own redis-server: one GET round trip per request without
 * pipelining, the ceiling of a check that costs one round trip. The binary is taken from beside the redis-server,
 * else from {@code PATH}; without one every reference it would give is reported as unavailable.
 */
final class RedisBenchmark {

    private static final String NAME = "redis-benchmark";

    /**
     * What one run measured.
     *
     * @param requestsPerSecond throughput
     * @param p50Micros median latency
     * @param p99Micros 99th percentile latency
     */
    record Result(double requestsPerSecond, double p50Micros, double p99Micros) {
    }

    private final Optional<Path> executable;
    private final LocalRedisServer server;

    RedisBenchmark(LocalRedisServer server) {
        this.server = server;
        this.executable = ReferenceProgram.locate(server.executable().getParent(), NAME);
    }

    /** @return why there is no reference, when there is no binary */
    String unavailableReason() {
        return "reference unavailable (no " + NAME + " beside " + server.executable() + " or on PATH)";
    }

    /**
     * @param clients {@code -c}
     * @param requests {@code -n}
     * @return the run's figures, empty when there is no binary
     * @throws IllegalStateException when the binary runs but fails or prints nothing readable
     */
    Optional<Result> get(int clients, int requests) {
        if (executable.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = List.of(executable.get().toString(), "-h", server.host(),
                "-p", Integer.toString(server.port()), "-t", "get", "-c", Integer.toString(clients),
                "-n", Integer.toString(requests), "--csv");
        return Optional.of(parse(ReferenceProgram.run(command, Map.of())));
    }

    /** Reads {@code "GET","rps","avg","min","p50","p95","p99","max"}; Redis 6 prints only the first two columns. */
    static Result parse(String csv) {
        for (String line : csv.split("\\R")) {
            if (line.startsWith("\"GET\"")) {
                String[] columns = line.replace("\"", "").split(",");
                double p50 = columns.length > 6 ? Double.parseDouble(columns[4]) * 1_000 : Double.NaN;
                double p99 = columns.length > 6 ? Double.parseDouble(columns[6]) * 1_000 : Double.NaN;
                return new Result(Double.parseDouble(columns[1]), p50, p99);
            }
        }
        throw new IllegalStateException(NAME + " printed no GET line: " + csv.strip());
    }
}
