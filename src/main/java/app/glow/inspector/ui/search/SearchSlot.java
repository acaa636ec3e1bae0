package app.glow.inspector.ui.search;

import app.glow.inspector.search.SearchIndexes;
import app.glow.inspector.ui.Workspace;
import java.time.ZoneId;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The left side's "Groups | Search" tabs, and the search of the open workspace. FX thread. */
public final class SearchSlot {
    private final TabPane tabs = new TabPane();
    private SearchIndexes indexes;
    private WorkspaceSearch search;

    /** Turns on full-text search, its indexes kept under {@code indexes}. */
    public void use(SearchIndexes indexes) {
        this.indexes = indexes;
    }

    /** The group list, with a Search tab beside it when search is on; the old search is closed. */
    public Node wrap(Workspace ws, Node list, ZoneId zone) {
        close();
        if (indexes == null) {
            return list;
        }
        search = new WorkspaceSearch(ws, indexes, zone);
        tabs.getTabs().setAll(new Tab("Groups", list), new Tab("Search", search.pane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setAccessibleText("Groups and full-text search (Ctrl+Shift+F)");
        return tabs;
    }

    /** Ctrl+Shift+F: the search pane's field. */
    public void focus() {
        if (search != null) {
            tabs.getSelectionModel().select(1);
            search.pane().focusSearch();
        }
    }

    /** Closes the current search (its index is committed after every indexing run). */
    public void close() {
        if (search != null) {
            search.close();
            search = null;
        }
    }
}
