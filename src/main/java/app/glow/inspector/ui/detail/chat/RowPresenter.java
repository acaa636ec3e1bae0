package app.glow.inspector.ui.detail.chat;

import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.ToolCall;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.service.ToolCallIndex;
import app.glow.inspector.ui.Formats;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import java.time.ZoneId;
import java.util.List;

/**
 * What one conversation row says, decided apart from how it is drawn: the cell asks for a
 * {@link Row} and only builds nodes from it, so the wording, roles and highlights can be tested
 * without a window.
 */
final class RowPresenter {
    /** One row's content. */
    sealed interface Row {
    }

    record SeparatorRow(int runIndex, String text, String accessibleHelp, boolean selected) implements Row {
    }

    record FoldRow(int runIndex, String text, boolean open) implements Row {
    }

    record PlaceholderRow(int window, String text) implements Row {
    }

    record BubbleRow(Conversation.MessageItem item, String title, String roleClass, boolean match, boolean current,
                     String callsSummary) implements Row {
        Message message() {
            return item.message();
        }
    }

    private final GroupDetailViewModel vm;
    private final ZoneId zone;

    RowPresenter(GroupDetailViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
    }

    Row present(Conversation.Item item) {
        if (item instanceof Conversation.RunHeader h) {
            return separator(h);
        } else if (item instanceof Conversation.MessageItem m) {
            return bubble(m);
        } else if (item instanceof Conversation.Fold f) {
            int n = f.messages().size();
            return new FoldRow(f.runIndex(), (f.open() ? "Hide " : "Show ") + n + " replayed message"
                    + (n == 1 ? "" : "s") + " (context from earlier runs, read once above)", f.open());
        }
        Conversation.Placeholder p = (Conversation.Placeholder) item;
        return new PlaceholderRow(p.window(), "Messages " + Formats.count(p.from() + 1) + "–" + Formats.count(p.to())
                + " · loading…");
    }

    private SeparatorRow separator(Conversation.RunHeader h) {
        Run r = h.run();
        ResourceNames names = vm.names();
        String text = "Run " + (h.runIndex() + 1) + " of " + vm.conversation().runs().size()
                + (h.continued() ? " (continued)" : "") + " · " + Formats.local(r.createdAt(), zone) + " · "
                + names.model(r.modelId()) + " · " + names.agent(r.agentId()) + " · " + names.profile(r.profileId())
                + " · " + Formats.count(r.inputTokens()) + " in / " + Formats.count(r.cachedInputTokens())
                + " cached / " + Formats.count(r.outputTokens()) + " out · " + Money.display(r.cost())
                + (h.noMessages() ? " · no messages" : "");
        return new SeparatorRow(h.runIndex(), text, "Run " + r.id() + ", exact cost " + Money.exact(r.cost()),
                vm.conversation().selectedRunProperty().get() == h.runIndex());
    }

    private BubbleRow bubble(Conversation.MessageItem item) {
        Message m = item.message();
        String role = m.role().isEmpty() ? "(no role)" : m.role();
        String title = roleTitle(role) + "  #" + Formats.count(item.position() + 1)
                + (item.replayed() ? "  · replayed" : "");
        boolean current = Long.valueOf(item.position()).equals(vm.find().currentMatchProperty().get());
        return new BubbleRow(item, title, roleClass(role), vm.find().isMatch(item.position()), current,
                callsSummary(m.calls()));
    }

    /** "2 tool calls: grade_rubric rubrics/r.md, (no template)", or null when there are none. */
    static String callsSummary(List<ToolCall> calls) {
        if (calls.isEmpty()) {
            return null;
        }
        return calls.size() + " tool call" + (calls.size() == 1 ? "" : "s") + ": " + String.join(", ",
                calls.stream().map(c -> (c.templateName() == null || c.templateName().isBlank()
                        ? ToolCallIndex.NO_TEMPLATE : c.templateName())
                        + (c.filePath() == null ? "" : " " + c.filePath())).toList());
    }

    static String roleClass(String role) {
        return switch (role) {
            case "system", "user", "assistant" -> role;
            default -> "other";
        };
    }

    static String roleTitle(String role) {
        return switch (role) {
            case "system" -> "System prompt";
            case "user" -> "User (TA)";
            case "assistant" -> "Assistant (persona)";
            default -> "Role: " + role;
        };
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.0f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
