package io.mpauthx.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every driver still runs end to end; what the figures say is never asserted, they are benchmarks. */
class BenchmarkSuiteIT {

    @Test
    void aSmokeRunPrintsALineForEveryFigureAndTheSummaryTable() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Figure> figures = new BenchmarkSuite(Plan.smoke(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(figures).extracting(Figure::id)
                .containsExactly("1a", "1b", "1c", "2a", "2b", "2c", "2d", "3a", "3b", "4", "5a", "5b", "6a", "6b", "6c",
                        "7a", "7b", "8a", "8b", "9a", "9b", "10a", "10b", "10c", "10d", "11a", "11b", "12a", "12b");
        assertThat(figures).filteredOn(figure -> !figure.id().equals("1c"))
                .allSatisfy(figure -> assertThat(figure.value()).isPositive());
        assertThat(output).contains("[3b] authorize end to end, 16 callers: ", "time in ports: ", "verdict",
                "[9a] authorize end to end, users in PostgreSQL, 16 callers: ", "[9b] ");
    }
}
