package io.mpauthx.benchmarks;

import java.util.function.DoublePredicate;

/**
 * What a figure should reach: a bound on its ratio to the reference, or on its value alone.
 *
 * @param text how the goal reads in the report, e.g. {@code ratio >= 1.4}
 * @param onRatio true when the bound applies to the ratio, false when to the value
 * @param met the bound itself
 */
record Goal(String text, boolean onRatio, DoublePredicate met) {

    static final Goal NONE = new Goal("-", false, value -> true);

    static Goal ratioAtLeast(double bound) {
        return new Goal("ratio >= " + bound, true, ratio -> ratio >= bound);
    }

    static Goal ratioAtMost(double bound) {
        return new Goal("ratio <= " + bound, true, ratio -> ratio <= bound);
    }

    static Goal valueAtLeast(double bound, String unit) {
        return new Goal(">= " + Figure.format(bound) + " " + unit, false, value -> value >= bound);
    }

    static Goal valueAtMost(double bound, String unit) {
        return new Goal("<= " + Figure.format(bound) + " " + unit, false, value -> value <= bound);
    }

    boolean isSet() {
        return this != NONE;
    }
}
