package app.glow.inspector.service;

import app.glow.inspector.model.GroupSummary;
import java.math.BigDecimal;

/**
 * Exact totals over a set of groups. Counts never wrap: a sum beyond {@code long} stays at the
 * limit and sets {@code saturated}, which stays set (subtracting from a clamped sum would be
 * wrong), so a view can say the totals are not exact.
 */
public record Totals(long groups, long runs, long messages, long inputTokens, long cachedInputTokens,
                     long outputTokens, BigDecimal cost, boolean saturated) {
    public static final Totals EMPTY = new Totals(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, false);

    public Totals plus(GroupSummary s) {
        return combine(s, 1);
    }

    public Totals minus(GroupSummary s) {
        return combine(s, -1);
    }

    private Totals combine(GroupSummary s, int sign) {
        boolean[] over = {saturated};
        return new Totals(add(groups, 1, sign, over), add(runs, s.runCount(), sign, over),
                add(messages, s.messageCount(), sign, over), add(inputTokens, s.inputTokens(), sign, over),
                add(cachedInputTokens, s.cachedInputTokens(), sign, over),
                add(outputTokens, s.outputTokens(), sign, over),
                sign > 0 ? cost.add(s.cost()) : cost.subtract(s.cost()), over[0]);
    }

    /** a + b (or a - b), clamped at the limits of long; {@code over[0]} records that it was. */
    private static long add(long a, long b, int sign, boolean[] over) {
        try {
            return sign > 0 ? Math.addExact(a, b) : Math.subtractExact(a, b);
        } catch (ArithmeticException overflow) {
            over[0] = true; // reported through saturated(), shown by the views
            return (sign > 0) == (b > 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /** a + b, clamped to the range of long instead of wrapping. */
    public static long saturatingAdd(long a, long b) {
        long r = a + b;
        // overflow only when both have the same sign and the result's sign differs
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    /** What a view appends when the counts were clamped: they are then not exact. */
    public String inexactNote() {
        return saturated ? " · some counts exceed the largest number shown (not exact)" : "";
    }

    public static Totals of(Iterable<GroupSummary> groups) {
        Totals t = EMPTY;
        for (GroupSummary g : groups) {
            t = t.plus(g);
        }
        return t;
    }
}
