package io.mpauthx.benchmarks;

import io.mpauthx.testkit.redis.LocalRedisServer;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one command: starts its own redis-server, takes every figure, prints a line per figure as it goes and a
 * summary table at the end. Arguments: {@code --smoke} runs every driver for a fraction of a second (the figures
 * then mean nothing); {@code --only 1,3} takes only those groups of figures.
 */
public final class BenchmarkSuite {

    private final Plan plan;
    private final PrintStream out;
    private final Report report;

    BenchmarkSuite(Plan plan, PrintStream out) {
        this.plan = plan;
        this.out = out;
        this.report = new Report(out);
    }

    /**
     * @param args {@code [--smoke] [--only 1,2,...]}
     */
    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        Plan plan = arguments.contains("--smoke") ? Plan.smoke() : Plan.full();
        int only = arguments.indexOf("--only");
        Set<String> groups = only >= 0 && only + 1 < arguments.size()
                ? Set.of(arguments.get(only + 1).split(",")) : Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        new BenchmarkSuite(plan, System.out).run(groups);
        // Lettuce and the sandbox leave non-daemon threads behind only briefly; the run is over
        System.exit(0);
    }

    /** @return every figure taken, also printed */
    List<Figure> run(Set<String> groups) {
        long start = System.nanoTime();
        out.println("mpauthx benchmarks, " + Machine.load() + " (load average / cores) at the start");
        try (LocalRedisServer redis = LocalRedisServer.startOnFreePort()) {
            out.println("redis-server: " + redis);
            Map<String, Consumer<LocalRedisServer>> figures = new LinkedHashMap<>();
            figures.put("1", server -> new TokenCheckFigures(server, plan, report).run());
            figures.put("3", server -> new AuthorizeFigures(server, plan, report).run());
            figures.put("4", server -> new RefreshFigure(server, plan, report).run());
            figures.put("5", server -> new TokenMemoryFigure(server, plan, report).run());
            figures.put("6", server -> new TokenCodecFigures(plan, report).run());
            figures.put("7", server -> new RevocationFigures(server, plan, report).run());
            figures.put("8", server -> new ClusterFigures(server, plan, report).run());
            figures.put("9", server -> new PostgresUserFigures(server, plan, report).run());
            figures.put("10", server -> new ServerFigures(server, plan, report).run());
            figures.put("11", server -> new MetricsOverheadFigures(server, plan, report).run());
            figures.put("12", server -> new PostgresTokenFigures(plan, report).run());
            figures.forEach((group, figure) -> {
                if (groups.contains(group) || group.equals("1") && groups.contains("2")) {
                    take(group, () -> figure.accept(redis));
                }
            });
        }
        report.printSummary();
        out.printf("whole run: %.0f s%n", (System.nanoTime() - start) / 1e9);
        return report.figures();
    }

    /** A group that fails is reported as such; the other groups still run. */
    private void take(String group, Runnable figure) {
        try {
            figure.run();
        } catch (RuntimeException failed) {
            report.add(Figure.notMeasured(group, "figure group " + group, "failed: " + failed, Goal.NONE));
        }
    }
}
