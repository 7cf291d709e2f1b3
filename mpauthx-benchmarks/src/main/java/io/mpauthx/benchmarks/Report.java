package io.mpauthx.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints each figure as it is taken, then all of them as one summary table. */
final class Report {

    private final PrintStream out;
    private final List<Figure> figures = new ArrayList<>();

    Report(PrintStream out) {
        this.out = out;
    }

    void add(Figure figure) {
        figures.add(figure);
        out.println(figure.line());
        out.flush();
    }

    /** A detail below the last figure, such as how its time splits between the ports. */
    void note(String detail) {
        out.println("      " + detail);
        out.flush();
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    void printSummary() {
        String format = "%-4s %-46s %22s %-34s %22s %8s %-24s %s%n";
        out.println();
        out.printf(Locale.ROOT, format, "id", "figure", "value", "reference", "reference value", "ratio", "goal",
                "verdict");
        for (Figure figure : figures) {
            out.printf(Locale.ROOT, format, figure.id(), clip(figure.title(), 46), clip(figure.valueText(), 22),
                    clip(figure.reference(), 34), figure.referenceText(), figure.ratioText(), figure.goal().text(),
                    figure.verdict());
        }
        out.println("machine: " + Machine.load() + " (load average / cores) at the end of the run");
        out.flush();
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }
}
