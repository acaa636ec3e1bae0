package app.glow.inspector.source;

/**
 * An RFC 9110 single byte range: {@code a-b}, {@code a-} (to the end) or {@code -n} (the last n
 * bytes, {@code start} null).
 */
public record ByteRange(Long start, Long end) {
    public ByteRange {
        if (start == null && (end == null || end <= 0)) {
            throw new IllegalArgumentException("a suffix range needs a positive length");
        }
        if (start != null && start < 0) {
            throw new IllegalArgumentException("range start must not be negative");
        }
        if (start != null && end != null && end < start) {
            throw new IllegalArgumentException("range end " + end + " is before its start " + start);
        }
    }

    public static ByteRange from(long start) {
        return new ByteRange(start, null);
    }

    public static ByteRange of(long start, long endInclusive) {
        return new ByteRange(start, endInclusive);
    }

    public static ByteRange lastBytes(long n) {
        return new ByteRange(null, n);
    }

    /** Parses {@code a-b}, {@code a-} or {@code -n}, with or without a {@code bytes=} prefix. */
    public static ByteRange parse(String text) {
        String s = text.trim();
        if (s.startsWith("bytes=")) {
            s = s.substring(6);
        }
        int dash = s.indexOf('-');
        if (dash < 0 || s.indexOf(',') >= 0) {
            throw new IllegalArgumentException("not a byte range (expected a-b, a- or -n): " + text);
        }
        try {
            String a = s.substring(0, dash).trim();
            String b = s.substring(dash + 1).trim();
            if (a.isEmpty()) {
                return lastBytes(Long.parseLong(b));
            }
            return new ByteRange(Long.parseLong(a), b.isEmpty() ? null : Long.parseLong(b));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a byte range (expected a-b, a- or -n): " + text, e);
        }
    }

    public String headerValue() {
        if (start == null) {
            return "bytes=-" + end;
        }
        return "bytes=" + start + "-" + (end == null ? "" : end);
    }

    /**
     * The bytes this range selects in an upload of {@code size} bytes (RFC 9110 §14.1.2): a suffix
     * longer than the upload selects all of it, an end past the upload is cut to it.
     *
     * @return the selected span, or null when the range selects nothing (answered with 416)
     */
    public Span resolve(long size) {
        if (size <= 0) {
            return null;
        }
        if (start == null) {
            return new Span(Math.max(0, size - end), size - 1);
        }
        if (start >= size) {
            return null;
        }
        return new Span(start, end == null ? size - 1 : Math.min(end, size - 1));
    }

    /** A resolved, non-empty span of bytes: {@code first} to {@code last}, both inclusive. */
    public record Span(long first, long last) {
        public long length() {
            return last - first + 1;
        }
    }
}
