package app.glow.inspector.demo;

/** Server-side reading of an RFC 9110 {@code Range} header against a known size. */
final class RangeHeader {
    /** Marker: the range cannot be satisfied (416). */
    static final long[] UNSATISFIABLE = new long[0];

    private RangeHeader() {
    }

    /**
     * @return null to send the whole body (no range, a multi-range, or one we do not understand,
     *     which RFC 9110 says to ignore), {first, last} for a 206, or {@link #UNSATISFIABLE}
     */
    static long[] resolve(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long n = Long.parseLong(b);
                if (n <= 0 || size == 0) {
                    return UNSATISFIABLE;
                }
                return new long[] {Math.max(0, size - n), size - 1};
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b);
            if (first < 0 || last < first) {
                return null; // syntactically invalid: ignored, as RFC 9110 says
            }
            if (first >= size) {
                return UNSATISFIABLE;
            }
            return new long[] {first, Math.min(last, size - 1)};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
