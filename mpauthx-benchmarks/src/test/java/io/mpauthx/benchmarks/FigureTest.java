package io.mpauthx.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FigureTest {

    @Test
    void aFigureShowsItsReferenceTheRatioAndWhetherTheGoalIsMet() {
        Figure figure = Figure.measured("1b", "isTokenValidAsync", 210_000, "calls/s", "redis-benchmark GET -c 64",
                140_000, Goal.ratioAtLeast(1.4));

        assertThat(figure.ratioText()).isEqualTo("1.50x");
        assertThat(figure.verdict()).isEqualTo("met");
        assertThat(figure.line()).startsWith("[1b] isTokenValidAsync: 210,000 calls/s | redis-benchmark GET -c 64:"
                + " 140,000 calls/s, ratio 1.50x | goal ratio >= 1.4: met | load ");
    }

    @Test
    void aFigureWithoutItsReferenceSaysWhyAndJudgesNoRatio() {
        Figure figure = Figure.withoutReference("1a", "isTokenValid", 90_000, "calls/s", "redis-benchmark GET -c 64",
                "reference unavailable (no redis-benchmark)", Goal.ratioAtLeast(1.0));

        assertThat(figure.verdict()).isEqualTo("n/a");
        assertThat(figure.line()).contains("90,000 calls/s | redis-benchmark GET -c 64: reference unavailable"
                + " (no redis-benchmark) | goal ratio >= 1.0: n/a");
    }

    @Test
    void aGoalOnTheValueIsJudgedOnTheValueAlone() {
        Figure figure = Figure.measured("5a", "memory", 288, "bytes", "plain string", 88, Goal.valueAtMost(200, "bytes"));

        assertThat(figure.verdict()).isEqualTo("MISSED");
    }
}
