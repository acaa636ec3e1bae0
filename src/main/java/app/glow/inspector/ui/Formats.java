package app.glow.inspector.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Display formats shared by the views: numbers with separators, local times, exact timestamps. */
public final class Formats {
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private Formats() {
    }

    // String.format parses its pattern on every call, and list cells format numbers every frame
    private static final ThreadLocal<java.text.NumberFormat> COUNT = ThreadLocal.withInitial(
            () -> java.text.NumberFormat.getIntegerInstance(Locale.getDefault()));

    public static String count(long n) {
        return COUNT.get().format(n);
    }

    public static String local(Instant t, ZoneId zone) {
        return t == null ? "" : LOCAL.withZone(zone).format(t);
    }

    /** The exact timestamp, in UTC and in the local zone. */
    public static String exact(Instant t, ZoneId zone) {
        return t == null ? "" : t + "  (" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone).format(t) + ")";
    }
}
