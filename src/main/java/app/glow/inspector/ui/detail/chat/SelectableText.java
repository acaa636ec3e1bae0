package app.glow.inspector.ui.detail.chat;

import javafx.scene.control.TextArea;
import javafx.scene.text.Text;

/**
 * Read-only text that can be selected and copied, sized to its content: a TextArea whose height
 * follows the wrapped text. Content is always plain text, never markup.
 */
public final class SelectableText extends TextArea {
    private final Text measure = new Text();
    private final boolean code;

    public SelectableText(String text, boolean code) {
        super(text);
        this.code = code;
        setEditable(false);
        setWrapText(!code);
        setFocusTraversable(false);
        getStyleClass().add(code ? "message-code" : "message-text");
        widthProperty().addListener((o, a, b) -> resize());
        fontProperty().addListener((o, a, b) -> resize());
        textProperty().addListener((o, a, b) -> resize());
        resize();
    }

    private void resize() {
        measure.setFont(getFont());
        measure.setText(getText() == null || getText().isEmpty() ? " " : getText());
        double w = getWidth() > 0 ? getWidth() - 24 : 400;
        measure.setWrappingWidth(code ? 0 : Math.max(50, w));
        double h = measure.getLayoutBounds().getHeight() + (code ? 30 : 14);
        setPrefHeight(h);
        setMinHeight(h);
        setMaxHeight(h);
    }

    /** Selects the first occurrence of {@code needle} (case-insensitive), for find. */
    public void highlight(String needle) {
        if (needle == null || needle.isEmpty()) {
            deselect();
            return;
        }
        int i = getText().toLowerCase(java.util.Locale.ROOT).indexOf(needle.toLowerCase(java.util.Locale.ROOT));
        if (i >= 0) {
            selectRange(i, i + needle.length());
        }
    }
}
