package app.glow.inspector.ui.detail;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.ToolCallIndex;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The open group's tool-call index, built on the bulk lane from the group's windows (through the
 * window cache, so the conversation's windows are not fetched twice).
 */
public final class ToolCallsModel {
    private final GroupSource source;
    private final Supplier<BackgroundRunner.Scope> scope;
    private final ReadOnlyObjectWrapper<ToolCallIndex> index = new ReadOnlyObjectWrapper<>(ToolCallIndex.EMPTY);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public ToolCallsModel(GroupSource source, Supplier<BackgroundRunner.Scope> scope) {
        this.source = source;
        this.scope = scope;
    }

    public ReadOnlyObjectProperty<ToolCallIndex> indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** "Indexing…", a failure, or "" when the index is complete. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void clear() {
        index.set(ToolCallIndex.EMPTY);
        status.set("");
    }

    void build(String id, GroupDetail first) {
        long total = first.totalMessageCount();
        int window = ConversationModel.WINDOW;
        status.set(total > window ? "Collecting the tool calls of " + total + " messages…" : "");
        scope.get().submitBulk(c -> {
            List<ToolCallIndex.Entry> out = new ArrayList<>();
            ToolCallIndex.collect(first, 0, out);
            for (long off = window; off < total; off += window) {
                ToolCallIndex.collect(source.detail(id, (int) off, window, c), off, out);
            }
            return new ToolCallIndex(out);
        }, built -> {
            index.set(built);
            status.set("");
        }, t -> status.set("The tool calls could not be collected: " + ErrorText.of(t)));
    }
}
