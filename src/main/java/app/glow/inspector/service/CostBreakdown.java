package app.glow.inspector.service;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Exact cost sums by model, agent and profile, over runs. */
public final class CostBreakdown {
    private final Map<String, BigDecimal> byModel = new LinkedHashMap<>();
    private final Map<String, BigDecimal> byAgent = new LinkedHashMap<>();
    private final Map<String, BigDecimal> byProfile = new LinkedHashMap<>();

    public void add(GroupDetail detail) {
        for (RunWithMessages rm : detail.runs()) {
            add(rm.run());
        }
    }

    public void add(Run r) {
        merge(byModel, r, Run::modelId);
        merge(byAgent, r, Run::agentId);
        merge(byProfile, r, Run::profileId);
    }

    private static void merge(Map<String, BigDecimal> map, Run r, Function<Run, String> key) {
        String k = key.apply(r) == null ? "" : key.apply(r);
        map.merge(k, r.cost(), BigDecimal::add);
    }

    public Map<String, BigDecimal> byModel() {
        return byModel;
    }

    public Map<String, BigDecimal> byAgent() {
        return byAgent;
    }

    public Map<String, BigDecimal> byProfile() {
        return byProfile;
    }
}
