package io.mpauthx.benchmarks;

import java.util.Locale;
import java.util.Optional;

/**
 * One measured figure, the reference it is compared with, and the goal it is held to. A value or a reference that
 * could not be measured carries the reason instead ({@link Double#NaN} as value).
 *
 * @param id short key, e.g. {@code 1b}
 * @param title what was measured
 * @param value the measurement, NaN when not measured
 * @param unit unit of value and reference
 * @param reference what the figure is compared with, e.g. {@code redis-benchmark GET -c 64}
 * @param referenceValue the reference's measurement in the same run, NaN when unavailable
 * @param goal what the figure should reach
 * @param missing why value or reference is NaN; empty when both were measured
 * @param load the 1-minute load average when the figure was taken
 */
record Figure(String id, String title, double value, String unit, String reference, double referenceValue,
              Goal goal, Optional<String> missing, String load) {

    static Figure measured(String id, String title, double value, String unit, String reference,
                           double referenceValue, Goal goal) {
        return new Figure(id, title, value, unit, reference, referenceValue, goal, Optional.empty(), Machine.load());
    }

    static Figure withoutReference(String id, String title, double value, String unit, String reference,
                                   String why, Goal goal) {
        return new Figure(id, title, value, unit, reference, Double.NaN, goal, Optional.of(why), Machine.load());
    }

    static Figure notMeasured(String id, String title, String why, Goal goal) {
        return new Figure(id, title, Double.NaN, "", "-", Double.NaN, goal, Optional.of(why), Machine.load());
    }

    /** @return value / reference, NaN when either is missing */
    double ratio() {
        return value / referenceValue;
    }

    /** @return {@code met}, {@code MISSED}, {@code n/a} (nothing to judge) or {@code -} (no goal) */
    String verdict() {
        if (!goal.isSet()) {
            return "-";
        }
        double judged = goal.onRatio() ? ratio() : value;
        if (Double.isNaN(judged)) {
            return "n/a";
        }
        return goal.met().test(judged) ? "met" : "MISSED";
    }

    /** @return the figure as one line of the report */
    String line() {
        String measuredValue = Double.isNaN(value) ? missing.orElse("n/a") : format(value) + " " + unit;
        String referencePart;
        if (Double.isNaN(value)) {
            referencePart = "";
        } else if (Double.isNaN(referenceValue)) {
            referencePart = " | " + reference + ": " + missing.orElse("n/a");
        } else {
            referencePart = " | " + reference + ": " + format(referenceValue) + " " + unit + ", ratio " + ratioText();
        }
        String goalPart = goal.isSet() ? " | goal " + goal.text() + ": " + verdict() : "";
        return String.format(Locale.ROOT, "[%s] %s: %s%s%s | load %s", id, title, measuredValue, referencePart,
                goalPart, load);
    }

    String valueText() {
        return Double.isNaN(value) ? missing.orElse("n/a") : format(value) + " " + unit;
    }

    String referenceText() {
        return Double.isNaN(referenceValue) ? "n/a" : format(referenceValue) + " " + unit;
    }

    String ratioText() {
        double ratio = ratio();
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    /** Three significant digits at most for small numbers, grouped thousands for large ones. */
    static String format(double number) {
        if (Math.abs(number) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", number);
        }
        if (Math.abs(number) >= 10) {
            return String.format(Locale.ROOT, "%.1f", number);
        }
        return String.format(Locale.ROOT, "%.3f", number);
    }
}
