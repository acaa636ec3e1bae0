package app.glow.inspector.ui.groups;

import app.glow.inspector.model.GroupSummary;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/** Filters for loaded rows. */
final class GroupFilters {
    private GroupFilters() {
    }

    /** The same filter the server applies, for loaded rows (and for servers that ignore it). */
    static Predicate<GroupRow> local(String q, Instant after, Instant before) {
        String needle = q.toLowerCase(Locale.ROOT);
        return r -> {
            GroupSummary s = r.summary();
            if (!needle.isEmpty() && (s.groupName() == null
                    || !s.groupName().toLowerCase(Locale.ROOT).contains(needle))) {
                return false;
            }
            Instant t = s.createdAt();
            if (t != null && after != null && t.isBefore(after)) {
                return false;
            }
            return t == null || before == null || t.isBefore(before);
        };
    }
}
