package app.glow.inspector.service;

import app.glow.inspector.model.AgentRef;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.ModelRef;
import app.glow.inspector.model.ProfileRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of models, agents and profiles gathered from every page and detail seen. An id nobody
 * named is shown as the raw id, never dropped.
 */
public final class ResourceNames {
    private final Map<String, String> models = new ConcurrentHashMap<>();
    private final Map<String, String> agents = new ConcurrentHashMap<>();
    private final Map<String, String> profiles = new ConcurrentHashMap<>();
    private final Map<String, String> joined = new ConcurrentHashMap<>();

    public void learn(GroupsPage page) {
        learn(page.models(), page.agents(), page.profiles());
    }

    public void learn(GroupDetail detail) {
        learn(detail.models(), detail.agents(), detail.profiles());
    }

    private void learn(List<ModelRef> m, List<AgentRef> a, List<ProfileRef> p) {
        m.forEach(x -> put(models, x.modelId(), x.name()));
        a.forEach(x -> put(agents, x.agentId(), x.name()));
        p.forEach(x -> put(profiles, x.profileId(), x.name()));
    }

    private void put(Map<String, String> map, String id, String name) {
        if (id != null && name != null && !name.isBlank() && !name.equals(map.put(id, name))) {
            joined.clear(); // a new or changed name: joined labels must be made again
        }
    }

    public String model(String id) {
        return id == null ? "" : models.getOrDefault(id, id);
    }

    public String agent(String id) {
        return id == null ? "" : agents.getOrDefault(id, id);
    }

    public String profile(String id) {
        return id == null ? "" : profiles.getOrDefault(id, id);
    }

    public String models(List<String> ids) {
        return join('m', ids, this::model);
    }

    public String agents(List<String> ids) {
        return join('a', ids, this::agent);
    }

    public String profiles(List<String> ids) {
        return join('p', ids, this::profile);
    }

    private String join(char kind, List<String> ids, java.util.function.UnaryOperator<String> name) {
        if (ids.isEmpty()) {
            return "";
        }
        // Rows share the few combinations there are; keep one string per combination.
        String key = kind + String.join("\u001f", ids);
        String cached = joined.get(key);
        if (cached != null) {
            return cached;
        }
        String value = joinNow(ids, name);
        if (joined.size() < 10_000) {
            joined.put(key, value);
        }
        return value;
    }

    private static String joinNow(List<String> ids, java.util.function.UnaryOperator<String> name) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(name.apply(id));
        }
        return sb.toString();
    }
}
