package app.glow.inspector.ui.detail.chat;

import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.service.FileNames;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.DialogService;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.detail.media.ImageViewer;
import app.glow.inspector.ui.detail.media.InlinePlayer;
import app.glow.inspector.ui.detail.media.MediaController;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A bubble's attachments: image thumbnails, audio and video that play in place, and files with
 * "Save as…". Thumbnails and file details load in the background; players start only on request.
 */
final class AttachmentStrip {
    private final GroupDetailViewModel vm;
    private final DialogService dialogs;
    private final Supplier<Window> window;

    AttachmentStrip(GroupDetailViewModel vm, DialogService dialogs, Supplier<Window> window) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.window = window;
    }

    /** The message's attachments, or null when it has none; loads and players go on the cell's lists. */
    Node strip(Message m, List<BackgroundRunner.Job> jobs, List<InlinePlayer> players) {
        FlowPane strip = new FlowPane(6, 6);
        strip.getStyleClass().add("attachment-strip");
        for (String id : m.imageUploadIds()) {
            strip.getChildren().add(image(id, jobs));
        }
        for (String id : m.audioUploadIds()) {
            strip.getChildren().add(playable(MediaKind.AUDIO, id, Feather.MUSIC, "Play audio", players));
        }
        for (String id : m.videoUploadIds()) {
            strip.getChildren().add(playable(MediaKind.VIDEO, id, Feather.FILM, "Play video", players));
        }
        for (String id : m.fileUploadIds()) {
            strip.getChildren().add(file(id, jobs));
        }
        return strip.getChildren().isEmpty() ? null : strip;
    }

    private Node image(String id, List<BackgroundRunner.Job> jobs) {
        MediaController media = vm.media();
        StackPane holder = new StackPane(new Label("Loading image…", new FontIcon(Feather.IMAGE)));
        holder.getStyleClass().addAll("attachment-image", "attachment-chip");
        holder.setMinSize(MediaController.THUMB_W / 2, 60);
        BackgroundRunner.Job job = media.thumbnail(id, img -> {
            ImageView view = new ImageView(img);
            view.getStyleClass().add("thumbnail");
            view.setOnMouseClicked(e -> ImageViewer.show(media, id, () -> saveAs(MediaKind.IMAGE, id, null, -1, null),
                    window.get()));
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

    private Node playable(MediaKind kind, String id, Feather icon, String text, List<InlinePlayer> players) {
        Button start = new Button(text, new FontIcon(icon));
        start.getStyleClass().addAll("attachment-chip", "attachment-" + kind.wireName());
        start.setTooltip(new javafx.scene.control.Tooltip(text + " here (Space or Enter)"));
        StackPane holder = new StackPane(start);
        start.setOnAction(e -> {
            boolean keyboard = start.isFocused();
            InlinePlayer p = new InlinePlayer(vm.media(), kind, id, () -> saveAs(kind, id, null, -1, null));
            players.add(p);
            holder.getChildren().setAll(p);
            p.focusPlay(keyboard);
            p.player().play();
        });
        return holder;
    }

    private Node file(String id, List<BackgroundRunner.Job> jobs) {
        Label info = new Label("File…", new FontIcon(Feather.FILE));
        info.getStyleClass().add("file-info");
        Button save = new Button("Save as…", new FontIcon(Feather.DOWNLOAD));
        save.setTooltip(new javafx.scene.control.Tooltip("Save this file"));
        save.setDisable(true);
        HBox chip = new HBox(6, info, save);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().addAll("attachment-chip", "attachment-file");
        BackgroundRunner.Job job = vm.media().meta(MediaKind.FILE, id, meta -> {
            String name = FileNames.sanitize(meta.fileName(), id, FileNames.extensionFor(meta.contentType()));
            info.setText(name + " · " + RowPresenter.size(meta.size()) + " · " + (meta.contentType() == null ? "unknown type"
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

}
