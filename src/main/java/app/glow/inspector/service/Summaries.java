package app.glow.inspector.service;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.RunWithMessages;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A list row made from a detail response, for groups known only from their detail. */
public final class Summaries {
    private Summaries() {
    }

    /**
     * Totals, ids and times from the runs (created is the first run's time, updated the last);
     * the message count is the larger of the declared total and the messages present.
     */
    public static GroupSummary of(GroupDetail d) {
        long in = 0;
        long out = 0;
        long cached = 0;
        long present = 0;
        BigDecimal cost = BigDecimal.ZERO;
        Set<String> models = new LinkedHashSet<>();
        Set<String> agents = new LinkedHashSet<>();
        Set<String> profiles = new LinkedHashSet<>();
        Instant first = null;
        Instant last = null;
        for (RunWithMessages rm : d.runs()) {
            var r = rm.run();
            // clamped, never wrapped: an absurd count shows as the largest one, not a negative
            in = Totals.saturatingAdd(in, r.inputTokens());
            out = Totals.saturatingAdd(out, r.outputTokens());
            cached = Totals.saturatingAdd(cached, r.cachedInputTokens());
            cost = cost.add(r.cost());
            addIfPresent(models, r.modelId());
            addIfPresent(agents, r.agentId());
            addIfPresent(profiles, r.profileId());
            if (first == null) {
                first = r.createdAt();
            }
            last = r.createdAt();
            present += rm.messages().size();
        }
        return new GroupSummary(d.groupId(), d.groupName(), first, last, d.runs().size(),
                Math.max(present, d.totalMessageCount()), in, out, cached, cost, List.copyOf(models),
                List.copyOf(agents), List.copyOf(profiles));
    }

    /** The distinct non-null values, in first-seen order. */
    public static void addIfPresent(Set<String> set, String id) {
        if (id != null) {
            set.add(id);
        }
    }
}
