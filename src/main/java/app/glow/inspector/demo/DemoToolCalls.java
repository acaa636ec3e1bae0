package app.glow.inspector.demo;

import app.glow.inspector.demo.GroupSpec.RunSpec;
import app.glow.inspector.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The tool calls of a demo message: grading runs look up rubrics and read submissions. */
final class DemoToolCalls {
    private DemoToolCalls() {
    }

    /** The calls of own message {@code m} of run {@code k} (only the assistant message of a tool run has any). */
    static List<ToolCall> of(DemoDataset d, GroupSpec s, int k, int m) {
        RunSpec run = s.runs.get(k);
        if (DemoComparePair.isPair(s.traits)) {
            return DemoComparePair.calls(d.ids, s, k, m);
        }
        if (!run.toolRun() || m != 2) {
            return List.of();
        }
        SplittableRandom r = d.rng(6, s.index, k);
        int n = 1 + r.nextInt(3);
        List<ToolCall> out = new ArrayList<>(n);
        String slug = s.course.slug();
        String student = s.persona.first().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        for (int p = 0; p < n; p++) {
            String[] tpl = DemoCatalog.TOOL_CALLS.get((r.nextInt(DemoCatalog.TOOL_CALLS.size()) + p)
                    % DemoCatalog.TOOL_CALLS.size());
            String path = switch (tpl[0]) {
                case "lookup_rubric" -> String.format(tpl[1], slug, "hw" + (1 + s.index % 9));
                case "read_file" -> String.format(tpl[1], student, "hw" + (1 + s.index % 9));
                case "grading_template" -> String.format(tpl[1], r.nextBoolean() ? "short" : "detailed");
                case "search_course_notes" -> String.format(tpl[1], slug, String.valueOf(1 + k % 14));
                default -> String.format(tpl[1], slug, "lab" + (1 + s.index % 8));
            };
            out.add(new ToolCall(d.ids.call(s.index, k, m, p), tpl[0], path,
                    run.createdAt().plusMillis(800L + p * 1300L + r.nextInt(400))));
        }
        return out;
    }
}
