package app.glow.inspector.compare;

import app.glow.inspector.service.GroupSource;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;

/**
 * A whole comparison of two groups, from any two sources: the summary, the aligned conversation
 * and the tool-call differences. {@link #load} blocks while it reads both groups window by window
 * and aligns them, so run it on a background thread; progress and cancel work throughout.
 */
public record Comparison(GroupLoad left, GroupLoad right, CompareSummary summary, ConversationAlignment alignment) {
    public static Comparison load(GroupSource leftSource, String leftId, GroupSource rightSource, String rightId,
                                  CompareProgress progress, Cancellation c) throws SourceException {
        GroupLoad l = GroupLoad.read(leftSource, leftId, true, "left", progress, c);
        GroupLoad r = GroupLoad.read(rightSource, rightId, true, "right", progress, c);
        return of(l, r, progress, c);
    }

    public static Comparison of(GroupLoad l, GroupLoad r, CompareProgress progress, Cancellation c)
            throws SourceException {
        ConversationAlignment a = ConversationAlignment.align(l.messages(), r.messages(), progress, c);
        return new Comparison(l, r, CompareSummary.of(l, r), a);
    }

    public ToolCallDiff toolCalls() {
        return summary.toolCalls();
    }
}
