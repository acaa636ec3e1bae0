package app.glow.inspector.service;

import app.glow.inspector.model.GroupSummary;
import java.math.BigDecimal;

/** Exact totals over a set of groups. */
public record Totals(long groups, long runs, long messages, long inputTokens, long cachedInputTokens,
                     long outputTokens, BigDecimal cost) {
    public static final Totals EMPTY = new Totals(0, 0, 0, 0, 0, 0, BigDecimal.ZERO);

    public Totals plus(GroupSummary s) {
        return new Totals(groups + 1, runs + s.runCount(), messages + s.messageCount(), inputTokens + s.inputTokens(),
                cachedInputTokens + s.cachedInputTokens(), outputTokens + s.outputTokens(), cost.add(s.cost()));
    }

    public Totals minus(GroupSummary s) {
        return new Totals(groups - 1, runs - s.runCount(), messages - s.messageCount(), inputTokens - s.inputTokens(),
                cachedInputTokens - s.cachedInputTokens(), outputTokens - s.outputTokens(), cost.subtract(s.cost()));
    }

    public static Totals of(Iterable<GroupSummary> groups) {
        Totals t = EMPTY;
        for (GroupSummary g : groups) {
            t = t.plus(g);
        }
        return t;
    }
}
