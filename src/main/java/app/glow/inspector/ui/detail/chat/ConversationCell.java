package app.glow.inspector.ui.detail.chat;

import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.Formats;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One row of the conversation: a run separator, a message bubble (styled by role), a fold over
 * replayed context, or a placeholder that loads its window when it comes into view. Text is
 * fetched only while the bubble shows; a reused cell cancels its previous fetch.
 */
final class ConversationCell extends ListCell<Conversation.Item> {
    private final GroupDetailViewModel vm;
    private final ZoneId zone;
    private final List<BackgroundRunner.Job> jobs = new ArrayList<>();

    ConversationCell(GroupDetailViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
        getStyleClass().add("conversation-cell");
    }

    @Override
    protected void updateItem(Conversation.Item item, boolean empty) {
        super.updateItem(item, empty);
        jobs.forEach(BackgroundRunner.Job::cancel);
        jobs.clear();
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        if (item instanceof Conversation.RunHeader h) {
            setGraphic(runHeader(h));
        } else if (item instanceof Conversation.MessageItem m) {
            setGraphic(bubble(m));
        } else if (item instanceof Conversation.Fold f) {
            setGraphic(fold(f));
        } else if (item instanceof Conversation.Placeholder p) {
            setGraphic(placeholder(p));
        }
    }

    private Node runHeader(Conversation.RunHeader h) {
        Run r = h.run();
        var names = vm.names();
        String text = "Run " + (h.runIndex() + 1) + " of " + vm.runs().size()
                + (h.continued() ? " (continued)" : "") + " · " + Formats.local(r.createdAt(), zone) + " · "
                + names.model(r.modelId()) + " · " + names.agent(r.agentId()) + " · " + names.profile(r.profileId())
                + " · " + Formats.count(r.inputTokens()) + " in / " + Formats.count(r.cachedInputTokens())
                + " cached / " + Formats.count(r.outputTokens()) + " out · " + Money.display(r.cost())
                + (h.noMessages() ? " · no messages" : "");
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("run-separator");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setAccessibleHelp("Run " + r.id() + ", exact cost " + Money.exact(r.cost()));
        l.setOnMouseClicked(e -> vm.selectedRunProperty().set(h.runIndex()));
        if (vm.selectedRunProperty().get() == h.runIndex()) {
            l.getStyleClass().add("run-separator-selected");
        }
        return l;
    }

    private Node fold(Conversation.Fold f) {
        Button b = new Button((f.open() ? "Hide " : "Show ") + f.messages().size() + " replayed message"
                + (f.messages().size() == 1 ? "" : "s") + " (context from earlier runs, read once above)",
                new FontIcon(f.open() ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT));
        b.getStyleClass().addAll("replay-fold", "flat");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> vm.toggleFold(f.runIndex()));
        return b;
    }

    private Node placeholder(Conversation.Placeholder p) {
        Label l = new Label("Messages " + Formats.count(p.from() + 1) + "–" + Formats.count(p.to()) + " · loading…");
        l.getStyleClass().add("window-placeholder");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(120);
        vm.loadWindow(p.window());
        return l;
    }

    private Node bubble(Conversation.MessageItem item) {
        Message m = item.message();
        String role = m.role().isEmpty() ? "(no role)" : m.role();
        Label roleLabel = new Label(roleTitle(role) + "  #" + Formats.count(item.position() + 1)
                + (item.replayed() ? "  · replayed" : ""));
        roleLabel.getStyleClass().add("bubble-role");
        VBox body = new VBox(4, roleLabel);
        body.getStyleClass().addAll("bubble", "bubble-" + roleClass(role));
        if (vm.isMatch(item.position())) {
            body.getStyleClass().add("find-match");
        }
        boolean current = Long.valueOf(item.position()).equals(vm.currentMatchProperty().get());
        if (current) {
            body.getStyleClass().add("find-current");
        }
        for (String textId : m.textUploadIds()) {
            VBox holder = new VBox(4);
            Label loading = new Label("…");
            loading.getStyleClass().add("text-muted");
            holder.getChildren().add(loading);
            body.getChildren().add(holder);
            BackgroundRunner.Job job = vm.text(textId, p -> fillText(holder, textId, p, current),
                    error -> holder.getChildren().setAll(errorLabel("Text unavailable: " + error)));
            if (job != null) {
                jobs.add(job);
            }
        }
        if (m.textUploadIds().isEmpty()) {
            Label none = new Label("(no text)");
            none.getStyleClass().add("text-muted");
            body.getChildren().add(none);
        }
        Node strip = attachments(m);
        if (strip != null) {
            body.getChildren().add(strip);
        }
        if (!m.calls().isEmpty()) {
            Label calls = new Label(m.calls().size() + " tool call" + (m.calls().size() == 1 ? "" : "s") + ": "
                    + String.join(", ", m.calls().stream().map(c -> c.templateName() + " " + c.filePath()).toList()));
            calls.setWrapText(true);
            calls.setGraphic(new FontIcon(Feather.TOOL));
            calls.getStyleClass().add("bubble-calls");
            body.getChildren().add(calls);
        }
        body.setOnMouseClicked(e -> {
            vm.selectedMessageProperty().set(m);
            vm.selectedRunProperty().set(item.runIndex());
        });
        HBox row = new HBox(body);
        row.setPadding(new Insets(3, 8, 3, 8));
        switch (roleClass(role)) {
            case "system" -> {
                HBox.setHgrow(body, Priority.ALWAYS);
                body.setMaxWidth(Double.MAX_VALUE);
            }
            case "user" -> {
                row.setAlignment(Pos.CENTER_RIGHT);
                body.maxWidthProperty().bind(widthProperty().multiply(0.78));
            }
            default -> {
                row.setAlignment(Pos.CENTER_LEFT);
                body.maxWidthProperty().bind(widthProperty().multiply(0.78));
            }
        }
        return row;
    }

    private void fillText(VBox holder, String textId, TextLoader.Preview p, boolean current) {
        List<Node> nodes = new ArrayList<>();
        for (TextBlocks.Block b : TextBlocks.split(p.text())) {
            MessageText t = new MessageText(b.text(), b.code());
            if (current && b.text().toLowerCase(java.util.Locale.ROOT)
                    .contains(vm.findQuery().toLowerCase(java.util.Locale.ROOT))) {
                t.makeSelectable().highlight(vm.findQuery());
            }
            nodes.add(t);
        }
        if (!p.complete()) {
            Button all = new Button("Show all (" + size(p.totalBytes()) + ")");
            all.getStyleClass().add("show-all");
            all.setOnAction(e -> FullTextWindow.show(vm.source(), vm.runner(), textId, "Full text · " + textId,
                    getScene() == null ? null : getScene().getWindow()));
            Label note = new Label("Showing the first " + size(TextLoader.PREVIEW_BYTES) + " of " + size(p.totalBytes()));
            note.getStyleClass().add("text-muted");
            nodes.add(new HBox(8, note, all));
        }
        holder.getChildren().setAll(nodes);
    }

    private static Node attachments(Message m) {
        FlowPane strip = new FlowPane(6, 4);
        strip.getStyleClass().add("attachment-strip");
        addChips(strip, m.imageUploadIds(), Feather.IMAGE, "Image");
        addChips(strip, m.audioUploadIds(), Feather.MUSIC, "Audio");
        addChips(strip, m.videoUploadIds(), Feather.FILM, "Video");
        addChips(strip, m.fileUploadIds(), Feather.FILE, "File");
        return strip.getChildren().isEmpty() ? null : strip;
    }

    private static void addChips(FlowPane strip, List<String> ids, Feather icon, String kind) {
        for (String id : ids) {
            Label chip = new Label(kind + " " + (id.length() > 8 ? id.substring(0, 8) + "…" : id), new FontIcon(icon));
            chip.getStyleClass().addAll("attachment-chip", "attachment-" + kind.toLowerCase());
            chip.setAccessibleText(kind + " upload " + id);
            strip.getChildren().add(chip);
        }
    }

    private static Label errorLabel(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("text-error");
        return l;
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
