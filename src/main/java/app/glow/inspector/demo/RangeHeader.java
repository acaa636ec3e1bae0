package app.glow.inspector.demo;

import app.glow.inspector.source.ByteRange;

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
        ByteRange range;
        try {
            range = ByteRange.parse(h);
        } catch (IllegalArgumentException e) {
            return null; // syntactically invalid: ignored, as RFC 9110 says
        }
        ByteRange.Span span = range.resolve(size);
        return span == null ? UNSATISFIABLE : new long[] {span.first(), span.last()};
    }
}
