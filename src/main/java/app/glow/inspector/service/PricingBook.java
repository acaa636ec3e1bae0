package app.glow.inspector.service;

import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.Pricing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prices per model gathered from every page's {@code pricing}. */
public final class PricingBook {
    private final Map<String, Pricing> prices = new ConcurrentHashMap<>();

    public void learn(GroupsPage page) {
        for (Pricing p : page.pricing()) {
            if (p.modelId() != null) {
                prices.put(p.modelId(), p);
            }
        }
    }

    public Map<String, Pricing> asMap() {
        return Map.copyOf(prices);
    }

    public List<Pricing> all() {
        return List.copyOf(prices.values());
    }
}
