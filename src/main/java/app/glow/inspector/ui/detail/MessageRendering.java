package app.glow.inspector.ui.detail;

import app.glow.inspector.settings.Settings;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How message text is shown: Markdown rendered or plain, for all messages (View → Render
 * Markdown, remembered in the settings) and per message text (the bubble's own toggle, for this
 * session); and how an approved link is opened (the desktop's browser). One per window.
 */
public final class MessageRendering {
    private static final Logger LOG = LoggerFactory.getLogger(MessageRendering.class);
    static final String KEY = "renderMarkdown";
    /** Per-text choices kept at most; past this the oldest choices are forgotten together. */
    private static final int MAX_CHOICES = 10_000;

    private final BooleanProperty markdown = new SimpleBooleanProperty(this, "markdown", true);
    private final Map<String, Boolean> perText = new HashMap<>();
    private Consumer<String> opener = url -> LOG.warn("No browser is known to this window; a link was not opened");

    /** Markdown on, nothing remembered (tests, benchmarks). */
    public MessageRendering() {
        markdown.addListener((o, a, b) -> perText.clear());
    }

    /** The global choice read from, and written to, {@code settings}. */
    public MessageRendering(Settings settings) {
        this();
        var saved = settings.get(KEY);
        markdown.set(saved == null || !saved.isBoolean() || saved.asBoolean());
        markdown.addListener((o, a, b) -> settings.put(KEY, BooleanNode.valueOf(b)));
    }

    /** Render Markdown in every message (a change resets the per-message choices). */
    public BooleanProperty markdownProperty() {
        return markdown;
    }

    /** Whether the text {@code textId} is shown formatted: its own choice, else the global one. */
    public boolean formatted(String textId) {
        Boolean own = perText.get(textId);
        return own != null ? own : markdown.get();
    }

    /** The bubble's toggle: this text formatted or plain, whatever the global choice. */
    public void setFormatted(String textId, boolean formatted) {
        if (perText.size() >= MAX_CHOICES) {
            perText.clear();
        }
        perText.put(textId, formatted);
    }

    /** How approved links open (the application's HostServices). */
    public void useOpener(Consumer<String> openDocument) {
        this.opener = openDocument;
    }

    /** Opens a link the user approved; the caller checked its scheme. */
    public void open(String url) {
        opener.accept(url);
    }

    /** View → "Render Markdown". */
    public CheckMenuItem menuItem() {
        CheckMenuItem item = new CheckMenuItem("Render Markdown");
        item.setId("renderMarkdown");
        item.selectedProperty().bindBidirectional(markdown);
        return item;
    }
}
