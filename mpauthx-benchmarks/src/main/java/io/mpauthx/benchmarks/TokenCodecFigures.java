package io.mpauthx.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link TokenCodecBenchmark} with JMH and reports each benchmark next to the SecureRandom floor. */
final class TokenCodecFigures {

    private static final String RATE = "ops/s";
    private static final String FLOOR = "secureRandom32Bytes";

    private final Plan plan;
    private final Report report;

    TokenCodecFigures(Plan plan, Report report) {
        this.plan = plan;
        this.report = report;
    }

    void run() {
        Map<String, Double> scores = scores();
        double floor = scores.get(FLOOR);
        String reference = "SecureRandom.nextBytes(32) alone";
        report.add(Figure.measured("6a", "token generation (JMH)", scores.get("generate"), RATE, reference, floor,
                Goal.NONE));
        report.add(Figure.measured("6b", "token parsing (JMH)", scores.get("parse"), RATE, reference, floor,
                Goal.NONE));
        report.add(Figure.measured("6c", "token parsing + SHA-256 hash (JMH)", scores.get("parseAndHash"), RATE,
                reference, floor, Goal.NONE));
    }

    private Map<String, Double> scores() {
        Options options = new OptionsBuilder()
                .include(TokenCodecBenchmark.class.getName() + "\\.")
                .forks(plan.jmhForks())
                .warmupIterations(plan.jmhIterations())
                .warmupTime(TimeValue.milliseconds(plan.jmhIteration().toMillis()))
                .measurementIterations(plan.jmhIterations())
                .measurementTime(TimeValue.milliseconds(plan.jmhIteration().toMillis()))
                .timeUnit(TimeUnit.SECONDS)
                .threads(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Map<String, Double> scores = new HashMap<>();
        try {
            for (RunResult result : new Runner(options).run()) {
                String benchmark = result.getParams().getBenchmark();
                scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
            }
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
        return scores;
    }
}
