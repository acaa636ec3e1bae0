package app.glow.inspector.ui.detail.chat;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;

/**
 * A block of message text, drawn as a cheap wrapped label (so long lists measure fast) and
 * turned into selectable text the moment the reader presses on it. "Copy text" is always in its
 * context menu. Content is plain text, never markup.
 */
public final class MessageText extends StackPane {
    private final String text;
    private final boolean code;
    private SelectableText selectable;

    public MessageText(String text, boolean code) {
        this.text = text;
        this.code = code;
        getStyleClass().add("message-block");
        Label label = new Label(text);
        label.setWrapText(!code);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.getStyleClass().add(code ? "message-code-label" : "message-text-label");
        label.setMaxWidth(Double.MAX_VALUE);
        MenuItem copy = new MenuItem("Copy text");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        });
        label.setContextMenu(new ContextMenu(copy));
        label.setOnMousePressed(e -> {
            if (e.isPrimaryButtonDown()) {
                makeSelectable().requestFocus();
            }
        });
        getChildren().add(label);
    }

    public String text() {
        return text;
    }

    /** Swaps the label for selectable text (also used to highlight a find match). */
    public SelectableText makeSelectable() {
        if (selectable == null) {
            selectable = new SelectableText(text, code);
            getChildren().setAll(selectable);
        }
        return selectable;
    }
}
