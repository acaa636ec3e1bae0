package app.glow.inspector.service;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's tool calls, where each was made (run, message position, role), grouped run → message
 * → call for the tree, with a count per template. Tolerates what the contract lets a server omit:
 * a call without a template name, file path or time, a message without a role.
 */
public final class ToolCallIndex {
    /** Shown for a call whose server sent no template name. */
    public static final String NO_TEMPLATE = "(no template)";

    /** One tool call and where it was made. */
    public record Entry(int runIndex, long position, String messageId, String role, ToolCall call) {
        public String template() {
            return call.templateName() == null || call.templateName().isBlank() ? NO_TEMPLATE : call.templateName();
        }
    }

    /** The calls of one message. */
    public record MessageCalls(long position, String messageId, String role, List<Entry> calls) {
    }

    /** The messages with calls of one run. */
    public record RunCalls(int runIndex, List<MessageCalls> messages) {
    }

    private final List<Entry> entries;

    public ToolCallIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static final ToolCallIndex EMPTY = new ToolCallIndex(List.of());

    /** Adds the calls of one window starting at message {@code offset}. */
    public static void collect(GroupDetail window, long offset, List<Entry> out) {
        long pos = offset;
        for (int k = 0; k < window.runs().size(); k++) {
            for (Message m : window.runs().get(k).messages()) {
                for (ToolCall call : m.calls()) {
                    if (call != null) {
                        out.add(new Entry(k, pos, m.id(), m.role() == null ? "unknown role" : m.role(), call));
                    }
                }
                pos++;
            }
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** Calls per template, templates in name order (calls without a name under {@link #NO_TEMPLATE}). */
    public Map<String, Integer> countsByTemplate() {
        Map<String, Integer> out = new TreeMap<>();
        for (Entry e : entries) {
            out.merge(e.template(), 1, Integer::sum);
        }
        return out;
    }

    /** The tree, keeping only calls whose template contains {@code filter} (ignoring case; blank keeps all). */
    public List<RunCalls> tree(String filter) {
        String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        Map<Integer, Map<String, List<Entry>>> byRun = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!f.isEmpty() && !e.template().toLowerCase(Locale.ROOT).contains(f)) {
                continue;
            }
            byRun.computeIfAbsent(e.runIndex(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.messageId() + "@" + e.position(), k -> new ArrayList<>()).add(e);
        }
        List<RunCalls> out = new ArrayList<>();
        byRun.forEach((run, messages) -> {
            List<MessageCalls> ms = new ArrayList<>();
            messages.values().forEach(calls -> ms.add(new MessageCalls(calls.get(0).position(),
                    calls.get(0).messageId(), calls.get(0).role(), List.copyOf(calls))));
            out.add(new RunCalls(run, List.copyOf(ms)));
        });
        return out;
    }

    /** "6 calls · grade_rubric: 3 · (no template): 1 …", or "" when there are none. */
    public String summary() {
        if (entries.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        countsByTemplate().forEach((t, n) -> sb.append(sb.length() == 0 ? "" : " · ").append(t).append(": ").append(n));
        return entries.size() + " call" + (entries.size() == 1 ? "" : "s") + " · " + sb;
    }
}
