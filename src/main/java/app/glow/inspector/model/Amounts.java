package app.glow.inspector.model;

import java.math.BigDecimal;

/**
 * The range of a believable amount of money (a cost or a price per million tokens). A value
 * outside it is refused where it is parsed: {@code 1e5000000} is a short text but a number whose
 * sums and displays need millions of digits, so bounding precision and scale keeps every
 * addition, comparison and label cheap.
 */
public final class Amounts {
    /** Digits after the point, trailing zeros aside (a billionth of a billionth of a cent is plenty). */
    public static final int MAX_DECIMALS = 20;
    /** Digits before the point: below a quadrillion dollars. */
    public static final int MAX_WHOLE_DIGITS = 15;

    private Amounts() {
    }

    /** Why this amount is refused, or null when it is believable. Cost: O(digits of the text). */
    public static String problem(BigDecimal v) {
        if (v == null || v.signum() == 0) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        long whole = (long) s.precision() - s.scale();
        if (s.scale() > MAX_DECIMALS || whole > MAX_WHOLE_DIGITS) {
            return shown(v) + " is not a believable amount of money (at most " + MAX_WHOLE_DIGITS
                    + " digits before the point and " + MAX_DECIMALS + " after)";
        }
        return null;
    }

    /** A short rendering of any BigDecimal, whatever its size: scientific past 40 characters. */
    public static String shown(BigDecimal v) {
        String t = v.toString();
        return t.length() <= 40 ? t : v.round(new java.math.MathContext(6)).toString();
    }
}
