package app.glow.inspector.api;

import java.time.Duration;

/**
 * The bounds a hostile or broken server meets, whatever it sends: how many bytes of JSON are read,
 * how long one call may take in all (a server that trickles a byte every few seconds defeats a
 * read timeout, never this), and how long one line or one event of the live stream may be.
 * Each has a system property, e.g. {@code -Dglow.http.maxJsonBytes=134217728}.
 *
 * @param maxJsonBytes     bytes of one JSON answer, counted as they arrive (Content-Length or not)
 * @param deadline         an overall limit per call, on top of the read timeout; zero for none.
 *                         Not applied to the live stream or to media handed out as streams
 *                         (playback through the media bridge may last hours)
 * @param maxSseLineBytes  one line of the event stream
 * @param maxSseEventBytes one event of the event stream (its lines together)
 */
public record HttpLimits(long maxJsonBytes, Duration deadline, long maxSseLineBytes, long maxSseEventBytes) {
    public static final String MAX_JSON_PROPERTY = "glow.http.maxJsonBytes";
    public static final String DEADLINE_PROPERTY = "glow.http.deadlineSeconds";
    public static final String MAX_SSE_LINE_PROPERTY = "glow.http.maxSseLineBytes";
    public static final String MAX_SSE_EVENT_PROPERTY = "glow.http.maxSseEventBytes";

    public static final HttpLimits DEFAULT =
            new HttpLimits(64L << 20, Duration.ofSeconds(300), 4L << 20, 16L << 20);

    public HttpLimits {
        if (maxJsonBytes < 1 || maxSseLineBytes < 1 || maxSseEventBytes < 1 || deadline.isNegative()) {
            throw new IllegalArgumentException("HTTP limits must be positive");
        }
    }

    /** The defaults, each replaced by its system property when that is set to a positive number. */
    public static HttpLimits fromSystemProperties() {
        return new HttpLimits(
                property(MAX_JSON_PROPERTY, DEFAULT.maxJsonBytes),
                Duration.ofSeconds(property(DEADLINE_PROPERTY, DEFAULT.deadline.toSeconds())),
                property(MAX_SSE_LINE_PROPERTY, DEFAULT.maxSseLineBytes),
                property(MAX_SSE_EVENT_PROPERTY, DEFAULT.maxSseEventBytes));
    }

    public HttpLimits withDeadline(Duration d) {
        return new HttpLimits(maxJsonBytes, d, maxSseLineBytes, maxSseEventBytes);
    }

    public HttpLimits withMaxJsonBytes(long n) {
        return new HttpLimits(n, deadline, maxSseLineBytes, maxSseEventBytes);
    }

    public HttpLimits withSseLimits(long line, long event) {
        return new HttpLimits(maxJsonBytes, deadline, line, event);
    }

    private static long property(String name, long fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            return n > 0 ? n : fallback;
        } catch (NumberFormatException ignoredTypo) {
            // a typo in a tuning property must not stop the program: the default holds
            return fallback;
        }
    }
}
