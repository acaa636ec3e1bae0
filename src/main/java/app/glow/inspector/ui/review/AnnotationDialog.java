package app.glow.inspector.ui.review;

import app.glow.inspector.ui.DialogService.AnnotationChoice;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The flag / note dialog, made for the keyboard: the category list has the focus (↑/↓ choose),
 * Tab moves to the note, Ctrl+Enter saves from anywhere, Enter saves outside the note, Esc cancels.
 */
public final class AnnotationDialog {
    private AnnotationDialog() {
    }

    public static Optional<AnnotationChoice> ask(Window owner, String title, String header, List<String> categories) {
        Dialog<AnnotationChoice> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(header);
        ComboBox<String> category = new ComboBox<>();
        category.setId("flagCategory");
        category.getItems().setAll(categories);
        category.setAccessibleText("Flag category");
        category.setMaxWidth(Double.MAX_VALUE);
        if (!categories.isEmpty()) {
            category.getSelectionModel().selectFirst();
        }
        TextArea note = new TextArea();
        note.setId("annotationNote");
        note.setPromptText("Note (optional for a flag)");
        note.setAccessibleText("Note");
        note.setWrapText(true);
        note.setPrefRowCount(4);
        VBox box = new VBox(6);
        if (!categories.isEmpty()) {
            box.getChildren().addAll(new Label("Category (↑/↓)"), category);
        }
        box.getChildren().addAll(new Label("Note (Tab to reach, Ctrl+Enter to save)"), note);
        box.setPadding(new Insets(10));
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        d.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean save = e.getCode() == KeyCode.ENTER && (e.isShortcutDown() || !note.isFocused());
            if (save) {
                e.consume();
                ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.OK)).fire();
            }
        });
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            String c = categories.isEmpty() ? null : category.getValue();
            if (c == null && note.getText().isBlank()) {
                return null; // nothing to record
            }
            return new AnnotationChoice(c, note.getText().strip());
        });
        d.initOwner(owner);
        Platform.runLater(() -> (categories.isEmpty() ? note : category).requestFocus());
        return d.showAndWait();
    }

    public static Optional<List<String>> askLines(Window owner, String title, String header, List<String> lines) {
        Dialog<List<String>> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(header);
        TextArea area = new TextArea(String.join("\n", lines));
        area.setId("linesField");
        area.setAccessibleText(title);
        area.setPrefRowCount(Math.max(6, lines.size() + 1));
        d.getDialogPane().setContent(area);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        d.setResultConverter(b -> b == ButtonType.OK
                ? Arrays.stream(area.getText().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : null);
        d.initOwner(owner);
        return d.showAndWait();
    }
}
