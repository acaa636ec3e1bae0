package app.glow.inspector.ui.detail.chat;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * "Show all" for a long text: streamed line by line into a virtualized list, so a 1 MB paste
 * never freezes the window; "Copy all" puts the whole text on the clipboard.
 */
public final class FullTextWindow {
    private FullTextWindow() {
    }

    public static void show(GroupSource source, BackgroundRunner runner, String uploadId, String title,
                            javafx.stage.Window owner) {
        ListView<String> lines = new ListView<>();
        lines.getStyleClass().add("full-text");
        lines.setFixedCellSize(20);
        Label status = new Label("Loading…");
        Button copy = new Button("Copy all");
        copy.setDisable(true);
        HBox bar = new HBox(10, copy, status);
        bar.setPadding(new Insets(6));
        BorderPane root = new BorderPane(lines);
        root.setTop(bar);
        Stage stage = new Stage();
        stage.setTitle(title);
        stage.initOwner(owner);
        Scene scene = new Scene(root, 900, 600);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        BackgroundRunner.Job job = runner.submit(c -> readLines(source, uploadId, c), all -> {
            lines.getItems().setAll(all);
            status.setText(String.format("%,d lines", all.size()));
            copy.setDisable(false);
        }, t -> status.setText(ErrorText.of(t)));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join("\n", lines.getItems()));
            Clipboard.getSystemClipboard().setContent(content);
            status.setText("Copied.");
        });
        stage.setOnHidden(e -> job.cancel());
        stage.show();
    }

    private static List<String> readLines(GroupSource source, String uploadId, Cancellation c) throws Exception {
        List<String> out = new ArrayList<>();
        try (MediaStream s = source.openUpload(MediaKind.TEXT, uploadId, null, c);
             BufferedReader r = new BufferedReader(new InputStreamReader(s.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
        }
        return out;
    }
}
