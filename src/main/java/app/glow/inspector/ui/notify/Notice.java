package app.glow.inspector.ui.notify;

import java.time.Instant;

/**
 * Something the reader should know about, with the group it concerns (or null) and the run that
 * raised it (or null): two reports about the same run are one notice.
 *
 * @param title  one line for the bar and the list ("Generation failed in “Essay feedback”")
 * @param detail the full error, shown in the list; may be null
 */
public record Notice(long seq, Instant time, String groupId, String runId, String title, String detail) {
    boolean sameEvent(String group, String run) {
        return run != null && run.equals(runId) && java.util.Objects.equals(group, groupId);
    }
}
