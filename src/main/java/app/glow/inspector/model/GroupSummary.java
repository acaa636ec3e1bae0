package app.glow.inspector.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One row of {@code /system/groups}. */
public record GroupSummary(String groupId, String groupName, Instant createdAt, Instant updatedAt, long runCount,
                           long messageCount, long inputTokens, long outputTokens, long cachedInputTokens,
                           BigDecimal cost, List<String> modelIds, List<String> agentIds, List<String> profileIds) {
    public GroupSummary {
        cost = cost == null ? BigDecimal.ZERO : cost;
        // The same few ids repeat on every row: share one String each (100,000 rows stay small).
        modelIds = Lists.interned(modelIds);
        agentIds = Lists.interned(agentIds);
        profileIds = Lists.interned(profileIds);
    }
}
