package app.glow.inspector.ui;

import app.glow.inspector.ui.groups.GroupRow;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the user is looking at, shared by the list, the detail, the cost view and the menus: the
 * selected groups and the open group. Every load for the open group runs in {@link #openScope()};
 * a new open request cancels what the previous one started, so a late result cannot replace the
 * group the user picked since. Made in the composition root, one per open source (switching
 * sources replaces it with the views); FX thread only.
 */
public final class AppState {
    private final BackgroundRunner runner;
    private final app.glow.inspector.service.GroupSource source;
    private final ObservableList<GroupRow> selectedGroups = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<GroupRow> openGroup = new ReadOnlyObjectWrapper<>();
    private BackgroundRunner.Scope openScope;

    public AppState(BackgroundRunner runner, app.glow.inspector.service.GroupSource source) {
        this.runner = runner;
        this.source = source;
        this.openScope = runner.newScope();
    }

    /** The open source: a live instance (or the demo) or an archive. */
    public app.glow.inspector.service.GroupSource source() {
        return source;
    }

    /** The rows selected in the list (what export, cost and compare act on). */
    public ObservableList<GroupRow> selectedGroups() {
        return selectedGroups;
    }

    public void select(List<GroupRow> rows) {
        if (!selectedGroups.equals(rows)) {
            selectedGroups.setAll(rows);
        }
    }

    /** The group shown in the detail pane, or null. */
    public ReadOnlyObjectProperty<GroupRow> openGroupProperty() {
        return openGroup.getReadOnlyProperty();
    }

    public GroupRow openGroup() {
        return openGroup.get();
    }

    /** The scope of everything loading for the open group (or for the request to open one). */
    public BackgroundRunner.Scope openScope() {
        return openScope;
    }

    /**
     * The user asked for another group (a click, Open group…, a notice's link): what the previous
     * request started is cancelled, and the returned scope carries the new request's loads.
     */
    public BackgroundRunner.Scope newOpenRequest() {
        openScope.cancel();
        openScope = runner.newScope();
        return openScope;
    }

    /** Opens {@code row}: a different group starts a new request, the same one only updates its row. */
    public void open(GroupRow row) {
        GroupRow current = openGroup.get();
        boolean same = row != null && current != null && row.groupId().equals(current.groupId());
        if (!same) {
            newOpenRequest();
        }
        openGroup.set(row);
    }

    /**
     * Shows the result of a request made with {@link #newOpenRequest()}: only while that request
     * is still the latest one, so the current scope and its loads carry on.
     */
    public boolean openFrom(BackgroundRunner.Scope request, GroupRow row) {
        if (request != openScope || request.isCancelled()) {
            return false;
        }
        openGroup.set(row);
        return true;
    }

    /** A new source replaces the old: nothing is selected or open, and its loads stop. */
    public void reset() {
        openScope.cancel();
        openScope = runner.newScope();
        selectedGroups.clear();
        openGroup.set(null);
    }
}
