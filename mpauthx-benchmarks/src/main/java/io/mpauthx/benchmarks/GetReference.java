package io.mpauthx.benchmarks;

import java.util.Optional;
import java.util.function.Function;

/**
 * A redis-benchmark GET run that figures are compared with, named by its client count even when there was no
 * binary to run.
 *
 * @param clients {@code -c} of the run
 * @param result what it measured, empty without a redis-benchmark binary
 * @param unavailableReason what the figures say instead of a reference when the result is empty
 */
record GetReference(int clients, Optional<RedisBenchmark.Result> result, String unavailableReason) {

    static GetReference measure(RedisBenchmark redisBenchmark, int clients, int requests) {
        return new GetReference(clients, redisBenchmark.get(clients, requests), redisBenchmark.unavailableReason());
    }

    /** @return the figure, next to the part of this run that {@code referenceValue} picks */
    Figure versus(String id, String title, double value, String unit,
                  Function<RedisBenchmark.Result, Double> referenceValue, Goal goal) {
        String label = "redis-benchmark GET -c " + clients;
        return result.map(run -> Figure.measured(id, title, value, unit, label, referenceValue.apply(run), goal))
                .orElseGet(() -> Figure.withoutReference(id, title, value, unit, label, unavailableReason, goal));
    }
}
