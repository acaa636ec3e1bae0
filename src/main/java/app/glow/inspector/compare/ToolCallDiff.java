package app.glow.inspector.compare;

import app.glow.inspector.compare.GroupLoad.Msg;
import app.glow.inspector.model.ToolCall;
import app.glow.inspector.service.ToolCallIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which tool templates and file paths one side called and the other did not, with counts per template. */
public record ToolCallDiff(SetDiff templates, SetDiff filePaths, Map<String, Delta> countsByTemplate) {
    public ToolCallDiff {
        countsByTemplate = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(countsByTemplate));
    }

    public static ToolCallDiff of(List<Msg> left, List<Msg> right) {
        Map<String, Long> l = counts(left);
        Map<String, Long> r = counts(right);
        TreeSet<String> all = new TreeSet<>(l.keySet());
        all.addAll(r.keySet());
        Map<String, Delta> deltas = new LinkedHashMap<>();
        for (String t : all) {
            deltas.put(t, Delta.of(l.getOrDefault(t, 0L), r.getOrDefault(t, 0L)));
        }
        return new ToolCallDiff(SetDiff.of(l.keySet(), r.keySet()), SetDiff.of(paths(left), paths(right)), deltas);
    }

    /** A call without a template name counts under {@link ToolCallIndex#NO_TEMPLATE}. */
    static String template(ToolCall call) {
        return call.templateName() == null || call.templateName().isBlank() ? ToolCallIndex.NO_TEMPLATE
                : call.templateName();
    }

    private static Map<String, Long> counts(List<Msg> messages) {
        Map<String, Long> out = new TreeMap<>();
        for (Msg m : messages) {
            for (ToolCall call : m.calls()) {
                if (call != null) {
                    out.merge(template(call), 1L, Long::sum);
                }
            }
        }
        return out;
    }

    private static TreeSet<String> paths(List<Msg> messages) {
        TreeSet<String> out = new TreeSet<>();
        for (Msg m : messages) {
            for (ToolCall call : m.calls()) {
                if (call != null && call.filePath() != null && !call.filePath().isBlank()) {
                    out.add(call.filePath());
                }
            }
        }
        return out;
    }
}
