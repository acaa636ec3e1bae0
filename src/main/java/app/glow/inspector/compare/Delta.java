package app.glow.inspector.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One figure on both sides: exact values and exact difference (right − left), its sign, and the
 * change in percent of the left value, rounded half-up to {@link #PERCENT_SCALE} decimals (null when
 * the left value is 0: no percentage of nothing).
 */
public record Delta(BigDecimal left, BigDecimal right, BigDecimal delta, int sign, BigDecimal percent) {
    public static final int PERCENT_SCALE = 2;

    public static Delta of(BigDecimal left, BigDecimal right) {
        BigDecimal d = right.subtract(left);
        BigDecimal pct = left.signum() == 0 ? null
                : d.multiply(BigDecimal.valueOf(100)).divide(left.abs(), MathContext.DECIMAL128)
                        .setScale(PERCENT_SCALE, RoundingMode.HALF_UP);
        return new Delta(left, right, d, d.signum(), pct);
    }

    public static Delta of(long left, long right) {
        return of(BigDecimal.valueOf(left), BigDecimal.valueOf(right));
    }

    /** "+3 (+75.00%)", "−0.0012 (−5.10%)", "0", "+2 (new)". */
    public String label() {
        String s = sign > 0 ? "+" : sign < 0 ? "−" : "";
        String pct = percent == null ? (sign == 0 ? "" : " (new)")
                : " (" + (percent.signum() > 0 ? "+" : percent.signum() < 0 ? "−" : "")
                        + percent.abs().toPlainString() + "%)";
        return s + delta.abs().toPlainString() + pct;
    }
}
