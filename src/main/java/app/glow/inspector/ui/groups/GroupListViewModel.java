package app.glow.inspector.ui.groups;

import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The master list's state: rows loaded so far, the next page token, loading and error state.
 * Pages load on demand (the view asks when the user nears the end); nothing fetches everything.
 */
public final class GroupListViewModel {
    static final int PAGE_SIZE = 100;

    private final GroupSource source;
    private final BackgroundRunner runner;
    private final ResourceNames names;
    private final ObservableList<GroupRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final ObjectProperty<GroupRow> selected = new SimpleObjectProperty<>();
    private String nextToken;
    private boolean exhausted;
    private Long totalCount;
    private BackgroundRunner.Job pending;

    public GroupListViewModel(GroupSource source, BackgroundRunner runner, ResourceNames names) {
        this.source = source;
        this.runner = runner;
        this.names = names;
    }

    public ObservableList<GroupRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<GroupRow> selectedProperty() {
        return selected;
    }

    /** Drops what is loaded and fetches the first page. */
    public void reload() {
        if (pending != null) {
            pending.cancel();
        }
        rows.clear();
        nextToken = null;
        exhausted = false;
        totalCount = null;
        loading.set(false);
        loadMore();
    }

    /** Called by the view when the user scrolls near {@code index}; loads the next page if needed. */
    public void visibleUpTo(int index) {
        if (index >= rows.size() - PAGE_SIZE / 4) {
            loadMore();
        }
    }

    public void loadMore() {
        if (loading.get() || exhausted) {
            return;
        }
        loading.set(true);
        error.set(null);
        updateStatus();
        GroupsQuery q = GroupsQuery.firstPage(PAGE_SIZE).withPageToken(nextToken);
        pending = runner.submit(c -> source.groups(q, c), this::accept, t -> {
            loading.set(false);
            error.set(ErrorText.of(t));
            updateStatus();
        });
    }

    private void accept(GroupsPage page) {
        names.learn(page);
        page.groups().forEach(g -> rows.add(GroupRow.of(g, names)));
        nextToken = page.nextPageToken();
        exhausted = page.isLastPage();
        if (page.totalCount() != null) {
            totalCount = page.totalCount();
        }
        loading.set(false);
        updateStatus();
    }

    private void updateStatus() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%,d", rows.size()));
        if (totalCount != null) {
            sb.append(" of ").append(String.format("%,d", totalCount));
        }
        sb.append(" groups loaded");
        if (loading.get()) {
            sb.append(" · loading…");
        }
        status.set(sb.toString());
    }
}
