package app.glow.inspector.ui.export;

import app.glow.inspector.archive.ArchiveExporter;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Export of the chosen groups: options, the target file, then a progress window (groups, bytes,
 * rate, time left) with Cancel. The archive appears only when complete.
 */
public final class ExportController {
    private final BackgroundRunner runner;

    public ExportController(BackgroundRunner runner) {
        this.runner = runner;
    }

    /** Asks for options and a file, then exports; {@code done} gets a line for the status. */
    public void start(GroupSource source, List<String> groupIds, Window owner, java.util.function.Consumer<String> done) {
        if (groupIds.isEmpty()) {
            done.accept("Select the groups to export first.");
            return;
        }
        Dialog<ArchiveExporter.Options> d = new Dialog<>();
        d.setTitle("Export to ZIP");
        d.setHeaderText("Export " + groupIds.size() + " group" + (groupIds.size() == 1 ? "" : "s") + " to one archive.");
        CheckBox media = new CheckBox("Include media (audio, images, video, files, texts)");
        media.setSelected(true);
        CheckBox pseudo = new CheckBox("Pseudonymize profile and actor names (“Profile 1”, …) for FERPA-safe sharing");
        VBox box = new VBox(10, media, pseudo);
        box.setPadding(new Insets(12));
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        ((Button) d.getDialogPane().lookupButton(ButtonType.OK)).setText("Choose file…");
        d.setResultConverter(b -> b == ButtonType.OK ? new ArchiveExporter.Options(media.isSelected(),
                pseudo.isSelected()) : null);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.showAndWait().ifPresent(options -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export to");
            chooser.setInitialFileName("glow-groups.zip");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ZIP archive", "*.zip"));
            var file = chooser.showSaveDialog(owner);
            if (file != null) {
                run(source, groupIds, options, file.toPath(), owner, done);
            }
        });
    }

    /** Runs an export with its progress window. */
    public BackgroundRunner.Job run(GroupSource source, List<String> ids, ArchiveExporter.Options options, Path target,
                                    Window owner, java.util.function.Consumer<String> done) {
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(420);
        Label line = new Label("Starting…");
        line.setId("exportProgress");
        Button cancel = new Button("Cancel");
        VBox root = new VBox(10, line, bar, cancel);
        root.setPadding(new Insets(14));
        Stage stage = new Stage();
        stage.setTitle("Exporting " + ids.size() + " group" + (ids.size() == 1 ? "" : "s"));
        stage.setScene(new Scene(root));
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        long t0 = System.nanoTime();
        BackgroundRunner.Job job = runner.submit(c -> {
            new ArchiveExporter(source).export(ids, options, target, (g, total, bytes) -> runner.onFx(() -> {
                double secs = Math.max(0.001, (System.nanoTime() - t0) / 1e9);
                double rate = bytes / secs;
                double frac = (double) g / total;
                String left = g == 0 || g >= total ? "" : String.format(" · about %.0f s left", secs / g * (total - g));
                line.setText(String.format("Group %d of %d · %.1f MB · %.1f MB/s%s", g, total, bytes / 1e6, rate / 1e6,
                        left));
                bar.setProgress(frac);
            }), c);
            return target;
        }, p -> {
            stage.close();
            done.accept("Exported " + ids.size() + " group" + (ids.size() == 1 ? "" : "s") + " to " + p + ".");
        }, t -> {
            stage.close();
            done.accept("Export failed, nothing was written: " + ErrorText.of(t));
        });
        cancel.setOnAction(e -> {
            job.cancel();
            stage.close();
            done.accept("Export cancelled; nothing was written.");
        });
        stage.setOnCloseRequest(e -> job.cancel());
        stage.show();
        return job;
    }
}
