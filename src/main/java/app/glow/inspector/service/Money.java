package app.glow.inspector.service;

import app.glow.inspector.model.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** One rounding rule for every cost on screen; exact values stay exact everywhere else. */
public final class Money {
    /** Shown to 4 decimals, half-up: enough to tell runs apart, short enough for a column. */
    public static final int DISPLAY_SCALE = 4;

    private Money() {
    }

    public static String display(BigDecimal dollars) {
        if (dollars == null) {
            return "";
        }
        if (!plainIsShort(dollars)) {
            // a value no parser lets in, reached some other way: six significant digits, whatever its size
            return "$" + Amounts.shown(dollars);
        }
        BigDecimal r = dollars.setScale(DISPLAY_SCALE, RoundingMode.HALF_UP);
        DecimalFormat f = new DecimalFormat("$#,##0.0000", DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(r);
    }

    /** The exact value, as sent: for tooltips and exports. */
    public static String exact(BigDecimal dollars) {
        if (dollars == null) {
            return "";
        }
        return "$" + (plainIsShort(dollars) ? dollars.toPlainString() : dollars.toString());
    }

    /**
     * Whether the plain digits are few (at most 40 either side of the point): display then costs
     * O(1) whatever the value, since {@code 1e5000000} would otherwise print five million digits
     * into a label.
     */
    static boolean plainIsShort(BigDecimal v) {
        long whole = (long) v.precision() - v.scale();
        return v.scale() <= 40 && whole <= 40;
    }

    public static BigDecimal sum(Iterable<BigDecimal> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            if (v != null) {
                s = s.add(v);
            }
        }
        return s;
    }
}
