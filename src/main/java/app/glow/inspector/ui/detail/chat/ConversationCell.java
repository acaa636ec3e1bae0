package app.glow.inspector.ui.detail.chat;

import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.Formats;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.FileNames;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.detail.media.ImageViewer;
import app.glow.inspector.ui.detail.media.InlinePlayer;
import app.glow.inspector.ui.detail.media.MediaController;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
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
    private final List<InlinePlayer> players = new ArrayList<>();

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
        players.forEach(InlinePlayer::dispose); // a recycled bubble frees its players
        players.clear();
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

    private Node attachments(Message m) {
        FlowPane strip = new FlowPane(6, 6);
        strip.getStyleClass().add("attachment-strip");
        for (String id : m.imageUploadIds()) {
            strip.getChildren().add(image(id));
        }
        for (String id : m.audioUploadIds()) {
            strip.getChildren().add(playable(MediaKind.AUDIO, id, Feather.MUSIC, "Play audio"));
        }
        for (String id : m.videoUploadIds()) {
            strip.getChildren().add(playable(MediaKind.VIDEO, id, Feather.FILM, "Play video"));
        }
        for (String id : m.fileUploadIds()) {
            strip.getChildren().add(file(id));
        }
        return strip.getChildren().isEmpty() ? null : strip;
    }

    private Node image(String id) {
        MediaController media = vm.media();
        StackPane holder = new StackPane(new Label("Loading image…", new FontIcon(Feather.IMAGE)));
        holder.getStyleClass().addAll("attachment-image", "attachment-chip");
        holder.setMinSize(MediaController.THUMB_W / 2, 60);
        BackgroundRunner.Job job = media.thumbnail(id, img -> {
            ImageView view = new ImageView(img);
            view.getStyleClass().add("thumbnail");
            view.setOnMouseClicked(e -> ImageViewer.show(media, id, () -> saveAs(MediaKind.IMAGE, id, null, -1, null),
                    getScene() == null ? null : getScene().getWindow()));
            view.setCursor(javafx.scene.Cursor.HAND);
            Tooltip.install(view, new Tooltip("Open the image"));
            holder.getChildren().setAll(view);
        }, reason -> {
            Label l = new Label(reason, new FontIcon(Feather.ALERT_TRIANGLE));
            l.setWrapText(true);
            l.setMaxWidth(300);
            l.getStyleClass().add("media-error");
            holder.getChildren().setAll(l);
        });
        if (job != null) {
            jobs.add(job);
        }
        return holder;
    }

    private Node playable(MediaKind kind, String id, Feather icon, String text) {
        Button start = new Button(text, new FontIcon(icon));
        start.getStyleClass().addAll("attachment-chip", "attachment-" + kind.wireName());
        StackPane holder = new StackPane(start);
        start.setOnAction(e -> {
            InlinePlayer p = new InlinePlayer(vm.media(), kind, id, () -> saveAs(kind, id, null, -1, null));
            players.add(p);
            holder.getChildren().setAll(p);
            p.player().play();
        });
        return holder;
    }

    private Node file(String id) {
        Label info = new Label("File…", new FontIcon(Feather.FILE));
        info.getStyleClass().add("file-info");
        Button save = new Button("Save as…", new FontIcon(Feather.DOWNLOAD));
        save.setDisable(true);
        HBox chip = new HBox(6, info, save);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().addAll("attachment-chip", "attachment-file");
        BackgroundRunner.Job job = vm.media().meta(MediaKind.FILE, id, meta -> {
            String name = FileNames.sanitize(meta.fileName(), id, FileNames.extensionFor(meta.contentType()));
            info.setText(name + " · " + size(meta.size()) + " · " + (meta.contentType() == null ? "unknown type"
                    : meta.contentType()));
            save.setDisable(false);
            save.setOnAction(e -> saveAs(MediaKind.FILE, id, name, meta.size(), info));
        }, error -> info.setText("File unavailable: " + error));
        if (job != null) {
            jobs.add(job);
        }
        return chip;
    }

    /** "Save as…": a sanitized name, progress, written whole or not at all. */
    private void saveAs(MediaKind kind, String id, String suggested, long size, Label progressLabel) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save " + kind.wireName());
        chooser.setInitialFileName(suggested != null ? suggested : FileNames.sanitize(null, id, ""));
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        Label target = progressLabel != null ? progressLabel : new Label();
        String before = target.getText();
        vm.media().save(kind, id, f.toPath(), size, p -> target.setText(String.format("Saving %.0f%%", p * 100)),
                msg -> target.setText(msg.startsWith("Saved") ? before + " · saved" : msg));
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
