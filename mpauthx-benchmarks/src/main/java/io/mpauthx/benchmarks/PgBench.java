package io.mpauthx.benchmarks;

import io.mpauthx.testkit.postgres.LocalPostgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pgbench} against the benchmark's own PostgreSQL, in a database of its own on that server: the transactions
 * per second PostgreSQL itself manages on this machine for a given script. The binary is taken from beside the
 * server's own programs (same version), else from {@code PATH}; without one every reference it would give is
 * reported as unavailable.
 */
final class PgBench {

    /** The built-in scripts used as references. */
    enum Script {
        /** {@code -N}: one row of pgbench_accounts updated and read, a history row inserted, in one transaction. */
        SIMPLE_UPDATE("-N"),
        /** {@code -S}: one primary-key read of pgbench_accounts, one round trip. */
        SELECT_ONLY("-S");

        private final String option;

        Script(String option) {
            this.option = option;
        }

        String option() {
            return option;
        }
    }

    private static final String NAME = "pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private final LocalPostgres server;
    private final Optional<Path> executable;
    private String database;
    private String unavailable;

    PgBench(LocalPostgres server) {
        this.server = server;
        this.executable = ReferenceProgram.locate(server.binaries(), NAME);
        this.unavailable = "reference unavailable (no " + NAME + " beside " + server.binaries() + " or on PATH)";
    }

    /** @return why the last run gave no reference: no binary, or a run that failed */
    String unavailableReason() {
        return unavailable;
    }

    /**
     * Runs the script for about {@code duration} (at least one second, pgbench's smallest step), initialising its
     * tables (scale 1: 100,000 accounts) on the first run.
     *
     * @param script which built-in script
     * @param clients {@code -c}, each with a connection of its own
     * @param duration how long to run
     * @return transactions per second; empty when there is no binary or the run failed or measured nothing (a
     *     machine so busy that connecting took the whole run), with the reason in {@link #unavailableReason()}
     */
    OptionalDouble transactionsPerSecond(Script script, int clients, Duration duration) {
        if (executable.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            if (database == null) {
                database = server.createDatabase();
                run(command("-i", "-q", "-s", "1"));
            }
            long seconds = Math.max(1, duration.toSeconds());
            String output = run(command(script.option(), "-c", Integer.toString(clients), "-j", "2",
                    "-T", Long.toString(seconds)));
            return OptionalDouble.of(parse(output));
        } catch (IllegalStateException failed) {
            unavailable = "reference unavailable (" + firstLine(failed.getMessage()) + ")";
            return OptionalDouble.empty();
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Reads {@code tps = 1234.5 (without initial connection time)}, the last tps line pgbench prints. */
    static double parse(String output) {
        Matcher matcher = TPS.matcher(output);
        double tps = Double.NaN;
        while (matcher.find()) {
            tps = Double.parseDouble(matcher.group(1));
        }
        if (Double.isNaN(tps) || tps == 0) {
            throw new IllegalStateException(NAME + " printed no tps: " + output.strip());
        }
        return tps;
    }

    /** The password goes through the environment, never the command line other users can read. */
    private String run(List<String> command) {
        return ReferenceProgram.run(command, Map.of("PGPASSWORD", server.password()));
    }

    private List<String> command(String... options) {
        List<String> command = new ArrayList<>();
        command.add(executable.orElseThrow().toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-h", server.host(), "-p", Integer.toString(server.port()), "-U", server.user(),
                database));
        return command;
    }
}
