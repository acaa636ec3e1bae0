package app.glow.inspector.service;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.Pricing;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recomputes cost from tokens and prices: input, cached input and output are priced
 * separately (per million tokens) and added, exactly.
 */
public final class CostAudit {
    private CostAudit() {
    }

    /** The cost of one run at these prices, or null when its model has no price. */
    public static BigDecimal expected(Run run, Map<String, Pricing> prices) {
        Pricing p = prices.get(run.modelId());
        if (p == null || p.inputPerMillion() == null || p.cachedInputPerMillion() == null
                || p.outputPerMillion() == null) {
            return null;
        }
        return p.inputPerMillion().multiply(BigDecimal.valueOf(run.inputTokens()))
                .add(p.cachedInputPerMillion().multiply(BigDecimal.valueOf(run.cachedInputTokens())))
                .add(p.outputPerMillion().multiply(BigDecimal.valueOf(run.outputTokens())))
                .movePointLeft(6);
    }

    /**
     * A group's audit: what it reports, what its runs recompute to, and the models that could not
     * be priced.
     */
    public record Result(String groupId, String groupName, BigDecimal reported, BigDecimal recomputed,
                         List<String> mismatchedRunIds, Set<String> unpricedModelIds,
                         List<String> negativeCountRunIds) {
        public Result(String groupId, String groupName, BigDecimal reported, BigDecimal recomputed,
                      List<String> mismatchedRunIds, Set<String> unpricedModelIds) {
            this(groupId, groupName, reported, recomputed, mismatchedRunIds, unpricedModelIds, List.of());
        }

        /**
         * Reported and recomputed differ (over the runs that could be priced), or a run reports a
         * negative token count, which no real run has (its cost cannot be trusted either way).
         */
        public boolean flagged() {
            return !mismatchedRunIds.isEmpty() || !negativeCountRunIds.isEmpty();
        }

        /** What is wrong, in a few words (for the audit table). */
        public String reason() {
            List<String> parts = new ArrayList<>();
            if (!mismatchedRunIds.isEmpty()) {
                parts.add(mismatchedRunIds.size() + " run(s) cost differently");
            }
            if (!negativeCountRunIds.isEmpty()) {
                parts.add(negativeCountRunIds.size() + " run(s) with negative token counts");
            }
            return String.join("; ", parts);
        }

        public BigDecimal difference() {
            return reported.subtract(recomputed);
        }
    }

    public static Result audit(GroupDetail detail, BigDecimal reportedTotal, Map<String, Pricing> prices) {
        BigDecimal recomputed = BigDecimal.ZERO;
        List<String> mismatched = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        Set<String> unpriced = new TreeSet<>();
        for (RunWithMessages rm : detail.runs()) {
            Run r = rm.run();
            if (r.inputTokens() < 0 || r.cachedInputTokens() < 0 || r.outputTokens() < 0) {
                negative.add(String.valueOf(r.id()));
            }
            BigDecimal e = expected(r, prices);
            if (e == null) {
                unpriced.add(r.modelId());
                recomputed = recomputed.add(r.cost()); // cannot check: count it as reported
                continue;
            }
            recomputed = recomputed.add(e);
            if (e.compareTo(r.cost()) != 0) {
                mismatched.add(String.valueOf(r.id()));
            }
        }
        return new Result(detail.groupId(), detail.groupName(), reportedTotal, recomputed, List.copyOf(mismatched),
                unpriced, List.copyOf(negative));
    }
}
