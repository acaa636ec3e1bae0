package app.glow.inspector.compare;

import app.glow.inspector.model.AgentRef;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.ModelRef;
import app.glow.inspector.model.ProfileRef;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.Totals;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Two groups' figures side by side and their exact differences (right − left). Runs, tokens, cost,
 * models, agents and profiles come from the runs; messages from the group's total; tool calls per
 * template from the messages, each distinct message once (replayed context is not counted twice).
 * Models, agents and profiles are compared by name (the raw id when no resource names it), so
 * groups from two instances whose ids differ still compare.
 */
public record CompareSummary(Side left, Side right, Map<String, Delta> deltas, SetDiff models, SetDiff agents,
                             SetDiff profiles, ToolCallDiff toolCalls) {
    /** The figure names of {@link #deltas()}, in order. */
    public static final String RUNS = "runs";
    public static final String MESSAGES = "messages";
    public static final String INPUT = "input_tokens";
    public static final String CACHED = "cached_input_tokens";
    public static final String OUTPUT = "output_tokens";
    public static final String COST = "cost";

    /** One group's figures. Token sums saturate (never wrap) like {@link Totals}. */
    public record Side(String groupId, String groupName, long runs, long messages, long inputTokens,
                       long cachedInputTokens, long outputTokens, BigDecimal cost, Set<String> models,
                       Set<String> agents, Set<String> profiles) {
        public Side {
            models = Set.copyOf(models);
            agents = Set.copyOf(agents);
            profiles = Set.copyOf(profiles);
        }

        static Side of(GroupLoad g) {
            GroupDetail d = g.head();
            Map<String, String> names = new HashMap<>();
            d.models().forEach((ModelRef m) -> putName(names, m.modelId(), m.name()));
            d.agents().forEach((AgentRef a) -> putName(names, a.agentId(), a.name()));
            d.profiles().forEach((ProfileRef p) -> putName(names, p.profileId(), p.name()));
            long in = 0;
            long cached = 0;
            long out = 0;
            BigDecimal cost = BigDecimal.ZERO;
            Set<String> models = new TreeSet<>();
            Set<String> agents = new TreeSet<>();
            Set<String> profiles = new TreeSet<>();
            for (RunWithMessages rw : d.runs()) {
                Run r = rw.run();
                in = Totals.saturatingAdd(in, r.inputTokens());
                cached = Totals.saturatingAdd(cached, r.cachedInputTokens());
                out = Totals.saturatingAdd(out, r.outputTokens());
                cost = cost.add(r.cost());
                addNamed(models, names, r.modelId());
                addNamed(agents, names, r.agentId());
                addNamed(profiles, names, r.profileId());
            }
            return new Side(g.groupId(), d.groupName(), d.runs().size(), d.totalMessageCount(), in, cached, out,
                    cost, models, agents, profiles);
        }

        private static void putName(Map<String, String> names, String id, String name) {
            if (id != null && name != null && !name.isBlank()) {
                names.put(id, name);
            }
        }

        private static void addNamed(Set<String> into, Map<String, String> names, String id) {
            if (id != null && !id.isBlank()) {
                into.add(names.getOrDefault(id, id));
            }
        }
    }

    /** Reads both groups window by window (no text: the summary needs runs and calls only). */
    public static CompareSummary compute(GroupSource leftSource, String leftId, GroupSource rightSource,
                                         String rightId, CompareProgress progress, Cancellation c)
            throws SourceException {
        GroupLoad l = GroupLoad.read(leftSource, leftId, false, "left", progress, c);
        GroupLoad r = GroupLoad.read(rightSource, rightId, false, "right", progress, c);
        return of(l, r);
    }

    public static CompareSummary of(GroupLoad leftLoad, GroupLoad rightLoad) {
        Side l = Side.of(leftLoad);
        Side r = Side.of(rightLoad);
        Map<String, Delta> d = new LinkedHashMap<>();
        d.put(RUNS, Delta.of(l.runs(), r.runs()));
        d.put(MESSAGES, Delta.of(l.messages(), r.messages()));
        d.put(INPUT, Delta.of(l.inputTokens(), r.inputTokens()));
        d.put(CACHED, Delta.of(l.cachedInputTokens(), r.cachedInputTokens()));
        d.put(OUTPUT, Delta.of(l.outputTokens(), r.outputTokens()));
        d.put(COST, Delta.of(l.cost(), r.cost()));
        return new CompareSummary(l, r, java.util.Collections.unmodifiableMap(d), SetDiff.of(l.models(), r.models()),
                SetDiff.of(l.agents(), r.agents()), SetDiff.of(l.profiles(), r.profiles()),
                ToolCallDiff.of(leftLoad.messages(), rightLoad.messages()));
    }
}
