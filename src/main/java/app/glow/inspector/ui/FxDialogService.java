package app.glow.inspector.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs, owned by the main window. FX thread only. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, FileType type) {
        FileChooser chooser = chooser(title, type);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, FileType type) {
        FileChooser chooser = chooser(title, type);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, FileType type) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (type != null) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.name(), type.patterns()));
        }
        return chooser;
    }

    @Override
    public Optional<String> askText(String title, String header, String fieldId) {
        TextInputDialog d = new TextInputDialog();
        d.setTitle(title);
        d.setHeaderText(header);
        d.getEditor().setId(fieldId);
        d.initOwner(owner.get());
        return d.showAndWait();
    }

    @Override
    public boolean confirm(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.CANCEL, ButtonType.OK);
        a.setHeaderText(header);
        a.initOwner(owner.get());
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<ExportChoice> askExportOptions(int groups) {
        javafx.scene.control.Dialog<ExportChoice> d = new javafx.scene.control.Dialog<>();
        d.setTitle("Export to ZIP");
        d.setHeaderText("Export " + groups + " group" + (groups == 1 ? "" : "s") + " to one archive.");
        javafx.scene.control.CheckBox media = new javafx.scene.control.CheckBox(
                "Include media (audio, images, video, files, texts)");
        media.setSelected(true);
        javafx.scene.control.CheckBox pseudo = new javafx.scene.control.CheckBox(
                "Pseudonymize profile and actor names (“Profile 1”, …) for FERPA-safe sharing");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(10, media, pseudo);
        box.setPadding(new javafx.geometry.Insets(12));
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.OK)).setText("Choose file…");
        d.setResultConverter(b -> b == ButtonType.OK ? new ExportChoice(media.isSelected(), pseudo.isSelected())
                : null);
        d.initOwner(owner.get());
        return d.showAndWait();
    }

    @Override
    public Optional<AnnotationChoice> askAnnotation(String title, String header, java.util.List<String> categories) {
        return app.glow.inspector.ui.review.AnnotationDialog.ask(owner.get(), title, header, categories);
    }

    @Override
    public Optional<java.util.List<String>> askLines(String title, String header, java.util.List<String> lines) {
        return app.glow.inspector.ui.review.AnnotationDialog.askLines(owner.get(), title, header, lines);
    }

    @Override
    public void showInfo(String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText(header);
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text);
        area.setEditable(false);
        area.setId("infoText");
        area.setPrefRowCount(Math.min(24, (int) text.lines().count() + 1));
        area.setPrefColumnCount(70);
        area.getStyleClass().add("monospace");
        a.getDialogPane().setContent(area);
        a.initOwner(owner.get());
        a.showAndWait();
    }

    @Override
    public void showError(String header, String text) {
        alert(Alert.AlertType.ERROR, header, text);
    }

    @Override
    public void showWarning(String header, String text) {
        alert(Alert.AlertType.WARNING, header, text);
    }

    private void alert(Alert.AlertType type, String header, String text) {
        Alert a = new Alert(type, text);
        a.setHeaderText(header);
        a.initOwner(owner.get());
        a.show();
    }
}
