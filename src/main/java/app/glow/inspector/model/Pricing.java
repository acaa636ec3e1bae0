package app.glow.inspector.model;

import java.math.BigDecimal;

/** Price per million tokens of one model, exact. */
public record Pricing(String modelId, String currency, BigDecimal inputPerMillion,
                      BigDecimal cachedInputPerMillion, BigDecimal outputPerMillion) {
}
