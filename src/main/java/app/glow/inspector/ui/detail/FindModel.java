package app.glow.inspector.ui.detail;

import app.glow.inspector.service.Conversation;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.ui.EventStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Find in the open group's loaded text: matches, the current one, and stepping through them. */
public final class FindModel {
    private final ConversationModel conversation;
    private final TextLoader texts;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Long> current = new ReadOnlyObjectWrapper<>();
    private final EventStream<Void> highlightsChanged = new EventStream<>();
    private final Set<Long> matches = new LinkedHashSet<>();
    private String query = "";

    public FindModel(ConversationModel conversation, TextLoader texts) {
        this.conversation = conversation;
        this.texts = texts;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The position of the current match, or null. */
    public ReadOnlyObjectProperty<Long> currentMatchProperty() {
        return current.getReadOnlyProperty();
    }

    /** Raised when rows must redraw their highlights although the rows did not change. */
    public EventStream<Void> highlightsChanged() {
        return highlightsChanged;
    }

    public boolean isMatch(long position) {
        return matches.contains(position);
    }

    public String query() {
        return query;
    }

    void clear() {
        matches.clear();
        current.set(null);
        status.set("");
        query = "";
    }

    /** Searches the loaded text (what has been fetched so far) and moves to the first match. */
    public void find(String text) {
        query = text == null ? "" : text.strip();
        matches.clear();
        current.set(null);
        Conversation conv = conversation.conversation();
        if (query.isEmpty() || conv == null) {
            status.set("");
            highlightsChanged.emit(null);
            return;
        }
        String needle = query.toLowerCase(Locale.ROOT);
        for (Conversation.MessageItem m : conv.loadedMessages()) {
            for (String t : m.message().textUploadIds()) {
                TextLoader.Preview p = texts.cached(t);
                if (p != null && p.text().toLowerCase(Locale.ROOT).contains(needle)) {
                    matches.add(m.position());
                    break;
                }
            }
        }
        highlightsChanged.emit(null);
        if (matches.isEmpty()) {
            status.set("No match in the loaded text");
            return;
        }
        step(0);
    }

    public void next() {
        step(1);
    }

    public void previous() {
        step(-1);
    }

    private void step(int dir) {
        if (matches.isEmpty()) {
            return;
        }
        List<Long> list = new ArrayList<>(matches);
        Long cur = current.get();
        int i = cur == null ? 0 : Math.floorMod(list.indexOf(cur) + dir, list.size());
        current.set(list.get(i));
        status.set((i + 1) + " of " + list.size() + " (in loaded text)");
        highlightsChanged.emit(null);
        conversation.scrollToPosition(list.get(i));
    }
}
