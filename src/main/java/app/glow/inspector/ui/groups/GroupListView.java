package app.glow.inspector.ui.groups;

import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.service.Money;
import app.glow.inspector.ui.Formats;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import app.glow.inspector.service.Totals;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The master table of groups with cost columns; virtualized, pages load as the user scrolls. */
public final class GroupListView extends BorderPane {
    private final GroupListViewModel vm;
    private final TableView<GroupRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final ZoneId zone;
    static final double LIVE_WIDTH = 78; // not 80, the default width, which JavaFX widens to fit the cells

    public GroupListView(GroupListViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
        table.setId("groupsTable");
        table.setAccessibleText("Groups (Ctrl+1)");
        table.setItems(vm.rows());
        vm.rows().comparatorProperty().bind(table.comparatorProperty());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // A fixed row height spares the virtual flow from measuring rows: smooth with 100,000.
        table.setFixedCellSize(30);
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.errorProperty().get() != null ? "Could not load groups."
                        : vm.loadingProperty().get() ? "Loading groups…" : "No groups match.",
                vm.errorProperty(), vm.loadingProperty()));
        placeholder.getStyleClass().add("table-placeholder");
        table.setPlaceholder(placeholder);
        // what the app is for fits at 1440×900: name, when, what it cost, how big; the rest one click away
        TableColumn<GroupRow, String> nameColumn = GroupColumns.name();
        table.getColumns().add(nameColumn);
        TableColumn<GroupRow, LiveProgress> liveColumn = live();
        table.getColumns().add(liveColumn);
        table.getColumns().add(GroupColumns.created(zone));
        table.getColumns().add(GroupColumns.cost());
        table.getColumns().add(GroupColumns.number("Runs", 58, s -> s.runCount()));
        table.getColumns().add(GroupColumns.number("Messages", 90, s -> s.messageCount()));
        table.getColumns().add(GroupColumns.number("Total tokens", 110, GroupColumns::totalTokens));
        table.getColumns().add(GroupColumns.hidden(GroupColumns.number("Input tokens", 115, s -> s.inputTokens())));
        table.getColumns().add(GroupColumns.hidden(GroupColumns.number("Cached input", 115, s -> s.cachedInputTokens())));
        table.getColumns().add(GroupColumns.hidden(GroupColumns.number("Output tokens", 115, s -> s.outputTokens())));
        table.getColumns().add(GroupColumns.hidden(GroupColumns.text("Models", 160, GroupRow::models)));
        table.getColumns().add(GroupColumns.hidden(GroupColumns.text("Agents", 220, GroupRow::agents)));
        table.getColumns().add(GroupColumns.hidden(GroupColumns.text("Profiles", 150, GroupRow::profiles)));
        // the Live column takes room only while a generation runs
        liveColumn.getProperties().put(ColumnLayout.STATE_VISIBILITY, Boolean.TRUE);
        // and borrows that room from the name, so the cost and size columns stay in view at 1440×900
        liveColumn.visibleProperty().addListener((o, was, shown) -> ColumnLayout.lend(nameColumn, liveColumn, shown));
        liveColumn.setVisible(!vm.progress().isEmpty());
        vm.progress().addListener((javafx.collections.MapChangeListener<String, LiveProgress>) c ->
                liveColumn.setVisible(!vm.progress().isEmpty()));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(GroupRow item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty) {
                    vm.visibleUpTo(getIndex());
                }
            }
        });
        table.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<GroupRow>) c -> vm.selection().setAll(
                        table.getSelectionModel().getSelectedItems().filtered(java.util.Objects::nonNull)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.open(b);
            }
        });
        vm.openedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                int i = vm.rows().indexOf(b);
                if (i >= 0) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(i);
                }
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        vm.selectRequests().subscribe(ids -> {
            var sm = table.getSelectionModel();
            sm.clearSelection();
            for (int i = 0; i < vm.rows().size(); i++) {
                if (ids.contains(vm.rows().get(i).groupId())) {
                    sm.select(i);
                }
            }
        });
        vm.reselectProperty().addListener((o, a, ids) -> {
            if (ids == null || ids.isEmpty()) {
                return;
            }
            // after the table has settled the replaced rows, select the same groups again
            javafx.application.Platform.runLater(() -> {
                var sm = table.getSelectionModel();
                for (int i = 0; i < vm.rows().size(); i++) {
                    if (ids.contains(vm.rows().get(i).groupId()) && !sm.isSelected(i)) {
                        sm.select(i);
                    }
                }
            });
        });
        vm.insertedAtTopProperty().addListener((o, a, b) -> keepPlace(b.intValue() - a.intValue()));

        StackPane tableArea = new StackPane(table, loadingStrip());
        VBox top = new VBox(filterBar(), banner(), notice());
        setTop(top);
        setCenter(tableArea);
        setBottom(footer());
    }

    /** New rows arrived at the top: keep the rows the reader was looking at in view. */
    private void keepPlace(int inserted) {
        if (inserted <= 0 || !(table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)) {
            return;
        }
        var first = flow.getFirstVisibleCell();
        if (first != null && first.getIndex() > 0) {
            table.scrollTo(first.getIndex() + inserted);
        }
    }

    private TableColumn<GroupRow, LiveProgress> live() {
        TableColumn<GroupRow, LiveProgress> c = new TableColumn<>("Live");
        c.setId("col-live");
        c.setPrefWidth(LIVE_WIDTH);
        c.setCellValueFactory(d -> javafx.beans.binding.Bindings.valueAt(vm.progress(), d.getValue().groupId()));
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label text = new Label();
            private final VBox box = new VBox(1, bar, text);

            {
                bar.setPrefWidth(LIVE_WIDTH - 10);
                bar.setPrefHeight(8);
                text.getStyleClass().add("live-progress-label");
                getStyleClass().add("live-progress");
            }

            @Override
            protected void updateItem(LiveProgress item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(Math.max(0, Math.min(1, item.fraction())));
                text.setText(item.label());
                setGraphic(box);
            }
        });
        return c;
    }

    /** j/k move like the arrows; Enter opens the selected group. */
    private void keys(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        var sm = table.getSelectionModel();
        if (e.getCode() == KeyCode.J || e.getCode() == KeyCode.K) {
            int i = sm.getSelectedIndex();
            int next = e.getCode() == KeyCode.J ? Math.min(i + 1, table.getItems().size() - 1) : Math.max(i - 1, 0);
            if (next >= 0 && next < table.getItems().size()) {
                sm.clearAndSelect(next);
                table.scrollTo(Math.max(0, next - 5));
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && sm.getSelectedItem() != null) {
            vm.open(sm.getSelectedItem());
            e.consume();
        }
    }

    private HBox filterBar;

    /** Adds a filter control (the review status) before the Clear button. */
    public void addFilter(javafx.scene.Node control) {
        filterBar.getChildren().add(filterBar.getChildren().size() - 1, control);
    }

    private HBox filterBar() {
        search.setId("searchField");
        search.setPromptText("Search group names (Ctrl+F)");
        search.setText(vm.queryTextProperty().get());
        HBox.setHgrow(search, Priority.ALWAYS);
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        debounce.setOnFinished(e -> vm.applyFilters());
        search.textProperty().addListener((o, a, b) -> {
            vm.queryTextProperty().set(b);
            debounce.playFromStart();
        });
        search.setOnAction(e -> {
            debounce.stop();
            vm.applyFilters();
        });
        DatePicker from = new DatePicker();
        from.setId("createdFrom");
        from.setPromptText("Created from");
        from.setPrefWidth(150);
        from.valueProperty().bindBidirectional(vm.createdFromProperty());
        DatePicker to = new DatePicker();
        to.setId("createdTo");
        to.setPromptText("to");
        to.setPrefWidth(150);
        to.valueProperty().bindBidirectional(vm.createdToProperty());
        from.valueProperty().addListener((o, a, b) -> vm.applyFilters());
        to.valueProperty().addListener((o, a, b) -> vm.applyFilters());
        Button clear = new Button("Clear");
        clear.setId("clearFilters");
        clear.setTooltip(new Tooltip("Clear the search and the date range"));
        clear.setOnAction(e -> {
            search.clear();
            from.setValue(null);
            to.setValue(null);
            debounce.stop();
            vm.applyFilters();
        });
        HBox bar = new HBox(6, new FontIcon(Feather.SEARCH), search, from, to, clear);
        filterBar = bar;
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private HBox banner() {
        Label message = new Label();
        message.setId("errorBanner");
        message.setWrapText(true);
        message.textProperty().bind(vm.errorProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        Button retry = new Button("Retry");
        retry.setId("retryButton");
        retry.setOnAction(e -> vm.retry());
        HBox banner = new HBox(10, new FontIcon(Feather.ALERT_TRIANGLE), message, retry);
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.visibleProperty().bind(vm.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Label notice() {
        Label n = new Label();
        n.setId("noticeLabel");
        n.getStyleClass().add("notice");
        n.setPadding(new Insets(4, 10, 4, 10));
        n.textProperty().bind(vm.noticeProperty());
        n.visibleProperty().bind(vm.noticeProperty().isNotNull());
        n.managedProperty().bind(n.visibleProperty());
        return n;
    }

    private HBox loadingStrip() {
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(120);
        Label l = new Label("Loading more groups…");
        HBox strip = new HBox(10, bar, l);
        strip.setId("loadingRow");
        strip.getStyleClass().add("loading-row");
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setPadding(new Insets(6, 12, 6, 12));
        strip.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(strip, Pos.BOTTOM_LEFT);
        strip.visibleProperty().bind(vm.loadingProperty().and(javafx.beans.binding.Bindings.isNotEmpty(vm.loadedRows())));
        strip.setMouseTransparent(true);
        return strip;
    }

    private VBox footer() {
        Label selection = new Label();
        selection.setId("selectionTotals");
        selection.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Selected: " + describe(vm.selectionTotalsProperty().get()), vm.selectionTotalsProperty()));
        Label loaded = new Label();
        loaded.setId("loadedTotals");
        loaded.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Loaded: " + describe(vm.loadedTotalsProperty().get()), vm.loadedTotalsProperty()));
        selection.setWrapText(true);
        loaded.setWrapText(true);
        VBox box = new VBox(2, selection, loaded);
        box.getStyleClass().add("totals-footer");
        box.setPadding(new Insets(4, 10, 4, 10));
        return box;
    }

    static String describe(Totals t) {
        return Formats.count(t.groups()) + " groups · " + Formats.count(t.runs()) + " runs · "
                + Formats.count(t.messages()) + " messages · " + Formats.count(t.inputTokens()) + " in / "
                + Formats.count(t.cachedInputTokens()) + " cached / " + Formats.count(t.outputTokens())
                + " out tokens · " + Money.exact(t.cost()) + t.inexactNote();
    }

    /** Moves the keyboard focus to the search box (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<GroupRow> table() {
        return table;
    }

}
