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
    private final app.glow.inspector.ui.DialogService dialogs;
    private final List<BackgroundRunner.Job> jobs = new ArrayList<>();
    private final List<InlinePlayer> players = new ArrayList<>();
    private final RowPresenter presenter;

    private final app.glow.inspector.ui.review.ReviewViewModel review;

    ConversationCell(GroupDetailViewModel vm, ZoneId zone, app.glow.inspector.ui.DialogService dialogs,
                     app.glow.inspector.ui.review.ReviewViewModel review) {
        this.vm = vm;
        this.review = review;
        this.dialogs = dialogs;
        this.presenter = new RowPresenter(vm, zone);
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
        RowPresenter.Row row = presenter.present(item);
        if (row instanceof RowPresenter.SeparatorRow h) {
            setGraphic(runHeader(h));
        } else if (row instanceof RowPresenter.BubbleRow m) {
            setGraphic(bubble(m));
        } else if (row instanceof RowPresenter.FoldRow f) {
            setGraphic(fold(f));
        } else if (row instanceof RowPresenter.PlaceholderRow p) {
            setGraphic(placeholder(p));
        }
    }

    private Node runHeader(RowPresenter.SeparatorRow h) {
        Label l = new Label(h.text());
        l.setWrapText(true);
        l.getStyleClass().add("run-separator");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setAccessibleHelp(h.accessibleHelp());
        l.setOnMouseClicked(e -> vm.conversation().selectedRunProperty().set(h.runIndex()));
        if (h.selected()) {
            l.getStyleClass().add("run-separator-selected");
        }
        return l;
    }

    private Node fold(RowPresenter.FoldRow f) {
        Button b = new Button(f.text(), new FontIcon(f.open() ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT));
        b.getStyleClass().addAll("replay-fold", "flat");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> vm.conversation().toggleFold(f.runIndex()));
        return b;
    }

    private Node placeholder(RowPresenter.PlaceholderRow p) {
        Label l = new Label(p.text());
        l.getStyleClass().add("window-placeholder");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(120);
        vm.conversation().loadWindow(p.window());
        return l;
    }

    private Node bubble(RowPresenter.BubbleRow row) {
        Conversation.MessageItem item = row.item();
        Message m = row.message();
        Label roleLabel = new Label(row.title());
        roleLabel.getStyleClass().add("bubble-role");
        VBox body = new VBox(4, roleLabel);
        body.getStyleClass().addAll("bubble", "bubble-" + row.roleClass());
        if (row.match()) {
            body.getStyleClass().add("find-match");
        }
        boolean current = row.current();
        if (current) {
            body.getStyleClass().add("find-current");
        }
        if (review != null && m.id() != null) {
            var notes = review.forMessage(m.id());
            Node marks = app.glow.inspector.ui.review.AnnotationMarks.of(notes, zone);
            if (marks != null) {
                body.getChildren().add(marks);
                body.getStyleClass().add(notes.stream().anyMatch(a -> a.isFlag()) ? "bubble-flagged" : "bubble-noted");
            }
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
        if (row.callsSummary() != null) {
            Label calls = new Label(row.callsSummary());
            calls.setWrapText(true);
            calls.setGraphic(new FontIcon(Feather.TOOL));
            calls.getStyleClass().add("bubble-calls");
            body.getChildren().add(calls);
        }
        body.setOnMouseClicked(e -> {
            vm.conversation().selectedMessageProperty().set(m);
            vm.conversation().selectedRunProperty().set(item.runIndex());
        });
        HBox line = new HBox(body);
        line.setPadding(new Insets(3, 8, 3, 8));
        switch (row.roleClass()) {
            case "system" -> {
                HBox.setHgrow(body, Priority.ALWAYS);
                body.setMaxWidth(Double.MAX_VALUE);
            }
            case "user" -> {
                line.setAlignment(Pos.CENTER_RIGHT);
                body.maxWidthProperty().bind(widthProperty().multiply(0.78));
            }
            default -> {
                line.setAlignment(Pos.CENTER_LEFT);
                body.maxWidthProperty().bind(widthProperty().multiply(0.78));
            }
        }
        return line;
    }

    private void fillText(VBox holder, String textId, TextLoader.Preview p, boolean current) {
        List<Node> nodes = MessageBody.nodes(p.text(), textId, current ? vm.find().query() : "", vm.rendering(),
                dialogs);
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
        var chosen = dialogs.chooseFileToSave("Save " + kind.wireName(),
                suggested != null ? suggested : FileNames.sanitize(null, id, ""), null);
        if (chosen.isEmpty()) {
            return;
        }
        java.nio.file.Path f = chosen.get();
        Label target = progressLabel != null ? progressLabel : new Label();
        String before = target.getText();
        vm.media().save(kind, id, f, size, p -> target.setText(String.format("Saving %.0f%%", p * 100)),
                msg -> target.setText(msg.startsWith("Saved") ? before + " · saved" : msg));
    }

    private static Label errorLabel(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("text-error");
        return l;
    }

    private static String size(long bytes) {
        return RowPresenter.size(bytes);
    }
}
