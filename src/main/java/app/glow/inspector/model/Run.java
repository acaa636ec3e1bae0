package app.glow.inspector.model;

import java.math.BigDecimal;
import java.time.Instant;

/** One AI model call: tokens and exact dollar cost. */
public record Run(String id, Instant createdAt, long inputTokens, long outputTokens, long cachedInputTokens,
                  BigDecimal cost, String modelId, String agentId, String profileId) {
    public Run {
        cost = cost == null ? BigDecimal.ZERO : cost;
    }
}
