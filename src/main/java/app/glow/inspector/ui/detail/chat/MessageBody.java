package app.glow.inspector.ui.detail.chat;

import app.glow.inspector.ui.DialogService;
import app.glow.inspector.ui.detail.MessageRendering;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One message text as the reader chose to see it: Markdown drawn as nodes, or the plain blocks
 * (prose and code fences, selectable). Text with Markdown gets a small "Plain text" /
 * "Formatted" toggle; text without any shows plain, as it always did.
 */
public final class MessageBody {
    private MessageBody() {
    }

    /**
     * The nodes for {@code text}; {@code highlight} is the find query to mark (empty for none);
     * links open through {@code rendering} after {@code dialogs} asked.
     */
    public static List<Node> nodes(String text, String textId, String highlight, MessageRendering rendering,
                                   DialogService dialogs) {
        MarkdownNodes.Parsed parsed = MarkdownNodes.parse(text);
        String find = highlight == null ? "" : highlight;
        switch (parsed.verdict()) {
            case PLAIN -> {
                return plain(parsed.source(), find);
            }
            case TOO_COMPLEX -> {
                List<Node> out = plain(parsed.source(), find);
                Label note = new Label(parsed.note());
                note.getStyleClass().addAll("text-muted", "markdown-note");
                out.add(note);
                return out;
            }
            default -> {
                VBox holder = new VBox(4);
                holder.getStyleClass().add("message-markdown");
                Consumer<String> onLink = url -> {
                    if (dialogs != null && dialogs.confirm("Open this link?", url
                            + "\n\nIt opens outside Glow Inspector, in your browser or mail program.")) {
                        rendering.open(url);
                    }
                };
                show(holder, parsed, textId, find, rendering, onLink, rendering.formatted(textId));
                return new ArrayList<>(List.of(holder));
            }
        }
    }

    private static void show(VBox holder, MarkdownNodes.Parsed parsed, String textId, String find,
                             MessageRendering rendering, Consumer<String> onLink, boolean formatted) {
        Button toggle = new Button(formatted ? "Plain text" : "Formatted");
        toggle.getStyleClass().addAll("flat", "small", "markdown-toggle");
        toggle.setTooltip(new Tooltip(formatted ? "Show this text as it was written (Markdown source)"
                : "Show this text formatted"));
        toggle.setFocusTraversable(false);
        toggle.setOnAction(e -> {
            rendering.setFormatted(textId, !formatted);
            show(holder, parsed, textId, find, rendering, onLink, !formatted);
        });
        HBox bar = new HBox(toggle);
        bar.setAlignment(Pos.CENTER_RIGHT);
        List<Node> content = new ArrayList<>();
        if (formatted) {
            content.add(MarkdownNodes.render(parsed, find, onLink));
        } else {
            content.addAll(plain(parsed.source(), find));
        }
        content.add(bar);
        holder.getChildren().setAll(content);
    }

    /** Prose and fenced code as selectable blocks; blocks holding the find query select it. */
    static List<Node> plain(String text, String find) {
        List<Node> out = new ArrayList<>();
        String needle = find.toLowerCase(Locale.ROOT);
        for (TextBlocks.Block b : TextBlocks.split(text)) {
            MessageText t = new MessageText(b.text(), b.code());
            if (!needle.isEmpty() && b.text().toLowerCase(Locale.ROOT).contains(needle)) {
                t.makeSelectable().highlight(find);
            }
            out.add(t);
        }
        return out;
    }
}
