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

    public static String count(long n) {
        return String.format(Locale.getDefault(), "%,d", n);
    }

    public static String local(Instant t, ZoneId zone) {
        return t == null ? "" : LOCAL.withZone(zone).format(t);
    }

    /** The exact timestamp, in UTC and in the local zone. */
    public static String exact(Instant t, ZoneId zone) {
        return t == null ? "" : t + "  (" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone).format(t) + ")";
    }
}
