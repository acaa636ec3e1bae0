package app.glow.inspector.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark's figures next to their budgets. Each figure prints one table row prefixed with
 * {@code BENCH|} (bench/all.sh collects those rows into one table); {@link #exit()} ends the JVM with 1 when
 * any figure missed its budget by more than 2x, so a regression shows as a failed run, and 0 otherwise.
 */
final class Budget {
    /** Which side of the budget is good. */
    enum Sense { AT_MOST, AT_LEAST }

    private final List<String> failures = new ArrayList<>();

    /** Records a figure where smaller is better (a time, a stall, a heap size). */
    void atMost(String measure, double figure, double budget, String unit) {
        record(measure, figure, budget, unit, Sense.AT_MOST);
    }

    /** Records a figure where larger is better (a throughput ratio). */
    void atLeast(String measure, double figure, double budget, String unit) {
        record(measure, figure, budget, unit, Sense.AT_LEAST);
    }

    /** A verdict only: "ok" within budget, "over" missed by at most 2x, "FAIL" missed by more. */
    static String verdict(double figure, double budget, Sense sense) {
        boolean ok = sense == Sense.AT_MOST ? figure <= budget : figure >= budget;
        if (ok) {
            return "ok";
        }
        boolean within2x = sense == Sense.AT_MOST ? figure <= 2 * budget : figure * 2 >= budget;
        return within2x ? "over" : "FAIL";
    }

    private void record(String measure, double figure, double budget, String unit, Sense sense) {
        String verdict = verdict(figure, budget, sense);
        String op = sense == Sense.AT_MOST ? "≤ " : "≥ ";
        System.out.printf(Locale.ROOT, "BENCH| %s | %s %s | %s%s %s | %s |%n", measure, fmt(figure), unit, op,
                fmt(budget), unit, verdict);
        if (verdict.equals("FAIL")) {
            failures.add(measure);
        }
    }

    private static String fmt(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Ends the benchmark: status 1 when a figure missed its budget by more than 2x. */
    void exit() {
        if (!failures.isEmpty()) {
            System.out.println("Missed by more than 2x: " + String.join(", ", failures));
        }
        System.out.flush();
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
