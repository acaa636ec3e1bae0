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
    private String text;
    private final boolean code;
    private final Label label;
    private SelectableText selectable;

    public MessageText(String text, boolean code) {
        this.text = text;
        this.code = code;
        getStyleClass().add("message-block");
        label = new Label(text);
        label.setWrapText(!code);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.getStyleClass().add(code ? "message-code-label" : "message-text-label");
        label.setMaxWidth(Double.MAX_VALUE);
        MenuItem copy = new MenuItem("Copy text");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(this.text);
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

    /**
     * Shows other text in this block (a reused bubble): back to the cheap label if the block had
     * become selectable, since the selection belonged to the previous text.
     */
    public void setText(String newText) {
        if (newText.equals(text)) {
            return; // the same message drawn again: keep what the reader selected
        }
        this.text = newText;
        label.setText(newText);
        if (selectable != null) {
            selectable = null;
            getChildren().setAll(label);
        }
    }

    public String text() {
        return text;
    }

    /** Swaps the label for selectable text (also used to highlight a find match). */
    public SelectableText makeSelectable() {
        if (selectable == null) {
            selectable = new SelectableText(text, code);
            getChildren().setAll(selectable);
            ConversationCell.contentChanged(this);
        }
        return selectable;
    }
}
