package app.glow.inspector.search;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.service.Summaries;
import java.time.Instant;

/**
 * What says a group changed since it was indexed: its run count, message count and last update.
 * Taken from a list row when there is one (no request at all), else from the first detail window.
 */
public record Fingerprint(long runCount, long messageCount, Instant updatedAt) {
    public static Fingerprint of(GroupSummary s) {
        return new Fingerprint(s.runCount(), s.messageCount(), s.updatedAt());
    }

    public static Fingerprint of(GroupDetail firstWindow) {
        return of(Summaries.of(firstWindow));
    }

    /** The stored form. */
    public String encode() {
        return runCount + "/" + messageCount + "/" + (updatedAt == null ? "-" : updatedAt.toString());
    }

    /** Null for anything that is not an encoded fingerprint (an older index, a damaged field). */
    public static Fingerprint decode(String s) {
        if (s == null) {
            return null;
        }
        String[] p = s.split("/", 3);
        if (p.length != 3) {
            return null;
        }
        try {
            return new Fingerprint(Long.parseLong(p[0]), Long.parseLong(p[1]),
                    "-".equals(p[2]) ? null : Instant.parse(p[2]));
        } catch (RuntimeException e) {
            // an unreadable fingerprint only means "index this group again", which is always safe
            org.slf4j.LoggerFactory.getLogger(Fingerprint.class).debug("unreadable fingerprint {}", s);
            return null;
        }
    }
}
