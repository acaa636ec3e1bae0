package app.glow.inspector.ui.search;

import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.search.GroupHits;
import app.glow.inspector.search.SearchHit;
import app.glow.inspector.search.SearchQueryParser;
import app.glow.inspector.search.SearchResults;
import app.glow.inspector.search.Snippet;
import app.glow.inspector.ui.Formats;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Full-text search over every indexed message: a search field, results grouped by group (with
 * counts), each hit's snippet with the match marked, its role, run and time. Enter opens the
 * group at the message; n and N step through the hits. Buttons select every group with hits and
 * index the selected or all loaded groups, with progress and cancel.
 */
public final class SearchPane extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What the pane asks of the window around it. */
    public interface Actions {
        /** Opens the hit's group at its message, marking {@code match} (the matched words). */
        void open(SearchHit hit, String match);

        /** Selects these groups in the list; returns how many of them are loaded there. */
        int selectGroups(Set<String> groupIds);

        List<GroupSummary> selectedGroups();

        List<GroupSummary> loadedGroups();
    }

    private final SearchViewModel vm;
    private final Actions actions;
    private final TextField field = new TextField();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private final Label status = new Label();
    private final Label error = new Label();
    private final DateTimeFormatter time;

    public SearchPane(SearchViewModel vm, Actions actions, ZoneId zone) {
        this.vm = vm;
        this.actions = actions;
        this.time = TIME.withZone(zone);
        getStyleClass().add("search-pane");
        setId("searchPane");

        field.setId("fullTextSearchField");
        field.setPromptText("Search all messages: words, \"a phrase\", prefix*, role:assistant, model:gpt-4o …");
        field.setTooltip(new Tooltip("Words must all match; AND, OR, NOT and ( ) combine them.\nFilters: "
                + String.join("  ", SearchQueryParser.filterExamples().values().stream().sorted().toList())
                + "\nEnter searches; in the results Enter opens a hit, n and N step through them."));
        field.setOnAction(e -> vm.search(field.getText()));
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !tree.getRoot().getChildren().isEmpty()) {
                tree.requestFocus();
                e.consume();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);

        Button selectHits = button("Select all groups with hits", "selectHitsButton", this::selectHits);
        selectHits.disableProperty().bind(vm.resultsProperty().isNull());
        Button indexSelected = button("Index selected groups", "indexSelectedButton",
                () -> vm.index(actions.selectedGroups()));
        Button indexLoaded = button("Index all loaded groups", "indexLoadedButton",
                () -> vm.index(actions.loadedGroups()));
        var noLiveIndex = vm.indexingProperty().or(vm.sessionProperty().isNull());
        indexSelected.disableProperty().bind(noLiveIndex);
        indexLoaded.disableProperty().bind(noLiveIndex);
        ProgressBar bar = new ProgressBar();
        bar.setId("indexProgress");
        bar.progressProperty().bind(vm.progressProperty());
        Button cancel = button("Cancel", "cancelIndexButton", vm::cancelIndexing);
        for (var n : List.of(bar, cancel)) {
            n.visibleProperty().bind(vm.indexingProperty());
            n.managedProperty().bind(vm.indexingProperty());
        }
        vm.sessionProperty().addListener((o, a, s) -> {
            boolean archive = s != null && s.isArchive(); // an archive is indexed whole: nothing to add
            indexSelected.setVisible(!archive);
            indexSelected.setManaged(!archive);
            indexLoaded.setVisible(!archive);
            indexLoaded.setManaged(!archive);
        });
        Label size = new Label();
        size.setId("indexSize");
        size.textProperty().bind(vm.indexSizeProperty());
        Button clear = button("Clear index", "clearIndexButton", vm::clearIndex);
        clear.setTooltip(new Tooltip("Empty this source's index (a cache in your cache folder; it fills again when "
                + "you index)."));
        clear.disableProperty().bind(noLiveIndex);
        FlowPane buttons = new FlowPane(6, 4, selectHits, indexSelected, indexLoaded, bar, cancel, size, clear);

        status.setId("searchStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        error.setId("searchError");
        error.getStyleClass().add("search-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);

        VBox top = new VBox(6, new HBox(6, field), buttons, error, status);
        top.setPadding(new Insets(6));
        setTop(top);

        tree.setId("searchResults");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new ResultCell());
        tree.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        setCenter(tree);
        vm.resultsProperty().addListener((o, a, r) -> fill(r));
        vm.currentProperty().addListener((o, a, i) -> reveal(i.intValue()));
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Ctrl+Shift+F: the search field, its text selected. */
    public void focusSearch() {
        field.requestFocus();
        field.selectAll();
    }

    public SearchViewModel viewModel() {
        return vm;
    }

    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            openSelected();
            e.consume();
        } else if (e.getCode() == KeyCode.N && !e.isShortcutDown() && !e.isAltDown()) {
            SearchHit h = e.isShiftDown() ? vm.previous() : vm.next();
            if (h != null) {
                actions.open(h, firstMatch(h));
            }
            e.consume();
        }
    }

    private void openSelected() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() instanceof SearchHit h) {
            vm.select(h);
            actions.open(h, firstMatch(h));
        } else if (item != null) {
            item.setExpanded(!item.isExpanded());
        }
    }

    private void selectHits() {
        Set<String> ids = vm.groupIdsWithHits();
        int loaded = actions.selectGroups(ids);
        vm.statusNote(loaded == ids.size() ? "Selected the " + Formats.count(ids.size()) + " groups with hits."
                : "Selected " + Formats.count(loaded) + " of the " + Formats.count(ids.size())
                + " groups with hits (the others are not loaded in the list yet).");
    }

    /** The words the snippet marks first: what the conversation's find highlights. */
    static String firstMatch(SearchHit h) {
        List<Snippet.Span> m = h.snippet().matches();
        return m.isEmpty() ? "" : h.snippet().text().substring(m.get(0).start(), m.get(0).end());
    }

    private void fill(SearchResults r) {
        TreeItem<Object> root = tree.getRoot();
        root.getChildren().clear();
        if (r == null) {
            return;
        }
        for (GroupHits g : r.groups()) {
            TreeItem<Object> gi = new TreeItem<>(g);
            for (SearchHit h : g.hits()) {
                gi.getChildren().add(new TreeItem<>(h));
            }
            gi.setExpanded(true);
            root.getChildren().add(gi);
        }
    }

    /** Selects and shows the current hit's row. */
    private void reveal(int index) {
        if (index < 0 || index >= vm.hits().size()) {
            return;
        }
        SearchHit h = vm.hits().get(index);
        for (TreeItem<Object> g : tree.getRoot().getChildren()) {
            for (TreeItem<Object> item : g.getChildren()) {
                if (item.getValue() == h) {
                    g.setExpanded(true);
                    tree.getSelectionModel().select(item);
                    int row = tree.getRow(item);
                    if (row >= 0) {
                        tree.scrollTo(Math.max(0, row - 2));
                    }
                    return;
                }
            }
        }
    }

    /** A group row (name and count) or a hit (snippet with marked matches, then role · run · time). */
    private final class ResultCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (item instanceof GroupHits g) {
                Label name = new Label((g.groupName() == null ? g.groupId() : g.groupName()) + "  ·  "
                        + Formats.count(g.count()) + (g.count() == 1 ? " hit" : " hits"));
                name.getStyleClass().add("search-group");
                setGraphic(name);
                return;
            }
            SearchHit h = (SearchHit) item;
            TextFlow snippet = new TextFlow();
            snippet.getStyleClass().add("search-snippet");
            Snippet s = h.snippet();
            int at = 0;
            for (Snippet.Span span : s.matches()) {
                snippet.getChildren().add(new Text(s.text().substring(at, span.start())));
                Text match = new Text(s.text().substring(span.start(), span.end()));
                match.getStyleClass().add("search-match");
                match.setStyle("-fx-font-weight: bold; -fx-fill: -color-accent-fg;");
                snippet.getChildren().add(match);
                at = span.end();
            }
            snippet.getChildren().add(new Text(s.text().substring(at)));
            snippet.setPrefWidth(Math.max(200, getTreeView().getWidth() - 80));
            Label meta = new Label(h.role() + "  ·  run " + shortId(h.runId())
                    + (h.time() == null ? "" : "  ·  " + time.format(h.time())));
            meta.getStyleClass().add("search-meta");
            setGraphic(new VBox(2, snippet, meta));
        }
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.length() > 8 ? id.substring(0, 8) : id;
    }
}
