package app.glow.inspector.api;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of the few response headers the client relies on. */
final class HttpHeaders {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED = Pattern.compile("bytes\\s+\\*/(\\d+)");
    private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*\\s*=\\s*([^']*)'[^']*'([^;]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*(\"((?:\\\\.|[^\"\\\\])*)\"|[^;]+)",
            Pattern.CASE_INSENSITIVE);

    private HttpHeaders() {
    }

    /** {first, last, total} of a {@code Content-Range}; total -1 when "*"; null when absent or odd. */
    static long[] contentRange(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = CONTENT_RANGE.matcher(value.trim());
        if (!m.matches()) {
            return null;
        }
        long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), total};
    }

    /** The size in {@code bytes * /size} of a 416 answer, or -1. */
    static long unsatisfiedSize(String value) {
        if (value == null) {
            return -1;
        }
        Matcher m = UNSATISFIED.matcher(value.trim());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    /** The raw file name of a {@code Content-Disposition}; untrusted; null when absent. */
    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher star = FILENAME_STAR.matcher(disposition);
        if (star.find()) {
            try {
                String charset = star.group(1).isBlank() ? "UTF-8" : star.group(1).trim();
                return java.net.URLDecoder.decode(star.group(2).trim().replace("+", "%2B"), charset);
            } catch (Exception badEncoding) {
                // fall through to the plain parameter
            }
        }
        Matcher m = FILENAME.matcher(disposition);
        if (!m.find()) {
            return null;
        }
        if (m.group(2) != null) {
            return m.group(2).replaceAll("\\\\(.)", "$1");
        }
        return m.group(1).trim();
    }
}
