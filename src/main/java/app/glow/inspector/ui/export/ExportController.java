package app.glow.inspector.ui.export;

import app.glow.inspector.archive.ArchiveExporter;
import app.glow.inspector.review.ReviewStore;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.DialogService;
import app.glow.inspector.ui.ErrorText;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Export of the chosen groups: options, the target file, then a progress window (groups, bytes,
 * rate, time left) with Cancel. The archive appears only when complete.
 */
public final class ExportController {
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ReviewStore reviews;

    public ExportController(BackgroundRunner runner, DialogService dialogs) {
        this(runner, dialogs, null);
    }

    /** With a review store, archives carry the groups' reviews ({@code reviews.json}); null: none. */
    public ExportController(BackgroundRunner runner, DialogService dialogs, ReviewStore reviews) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.reviews = reviews;
    }

    /** Asks for options and a file, then exports; {@code done} gets a line for the status. */
    public void start(GroupSource source, List<String> groupIds, Window owner, java.util.function.Consumer<String> done) {
        if (groupIds.isEmpty()) {
            done.accept("Select the groups to export first.");
            return;
        }
        dialogs.askExportOptions(groupIds.size()).ifPresent(choice -> dialogs.chooseFileToSave("Export to",
                "glow-groups.zip", new DialogService.FileType("ZIP archive", "*.zip")).ifPresent(file ->
                run(source, groupIds, new ArchiveExporter.Options(choice.media(), choice.pseudonymize()), file, owner,
                        done)));
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
            // the source key is computed here, off the FX thread (an archive hashes its file)
            ArchiveExporter exporter = new ArchiveExporter(source, reviews, null);
            exporter.export(ids, options, target, (g, total, bytes) -> runner.onFx(() -> {
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
