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
import javafx.scene.layout.BorderPane;

/** The master table of groups with cost columns; virtualized, pages load as the user scrolls. */
public final class GroupListView extends BorderPane {
    private final GroupListViewModel vm;
    private final TableView<GroupRow> table = new TableView<>();
    private final ZoneId zone;

    public GroupListView(GroupListViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
        table.setId("groupsTable");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.errorProperty().get() != null ? vm.errorProperty().get()
                        : vm.loadingProperty().get() ? "Loading groups…" : "No groups.",
                vm.errorProperty(), vm.loadingProperty()));
        placeholder.getStyleClass().add("table-placeholder");
        table.setPlaceholder(placeholder);
        table.getColumns().add(text("Name", 280, r -> r.summary().groupName()));
        table.getColumns().add(created());
        table.getColumns().add(number("Runs", 60, s -> s.runCount()));
        table.getColumns().add(number("Messages", 95, s -> s.messageCount()));
        table.getColumns().add(number("Input tokens", 110, s -> s.inputTokens()));
        table.getColumns().add(number("Cached input", 115, s -> s.cachedInputTokens()));
        table.getColumns().add(number("Output tokens", 120, s -> s.outputTokens()));
        table.getColumns().add(cost());
        table.getColumns().add(text("Models", 140, GroupRow::models));
        table.getColumns().add(text("Agents", 200, GroupRow::agents));
        table.getColumns().add(text("Profiles", 140, GroupRow::profiles));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(GroupRow item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty) {
                    vm.visibleUpTo(getIndex());
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        setCenter(table);
    }

    public TableView<GroupRow> table() {
        return table;
    }

    private static TableColumn<GroupRow, String> text(String title, double width, Function<GroupRow, String> f) {
        TableColumn<GroupRow, String> c = new TableColumn<>(title);
        c.setId("col-" + title.toLowerCase().replace(' ', '-'));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < 30 ? null : new Tooltip(item));
            }
        });
        return c;
    }

    private static TableColumn<GroupRow, Long> number(String title, double width, Function<GroupSummary, Long> f) {
        TableColumn<GroupRow, Long> c = new TableColumn<>(title);
        c.setId("col-" + title.toLowerCase().replace(' ', '-'));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue().summary())));
        c.setCellFactory(col -> new TableCell<>() {
            {
                setAlignment(Pos.CENTER_RIGHT);
            }

            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Formats.count(item));
            }
        });
        return c;
    }

    private TableColumn<GroupRow, Instant> created() {
        TableColumn<GroupRow, Instant> c = new TableColumn<>("Created");
        c.setId("col-created");
        c.setPrefWidth(175);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().summary().createdAt()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Formats.local(item, zone));
                setTooltip(empty || item == null ? null : new Tooltip(Formats.exact(item, zone)));
            }
        });
        return c;
    }

    private static TableColumn<GroupRow, BigDecimal> cost() {
        TableColumn<GroupRow, BigDecimal> c = new TableColumn<>("Cost");
        c.setId("col-cost");
        c.setPrefWidth(90);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().summary().cost()));
        c.setCellFactory(col -> new TableCell<>() {
            {
                setAlignment(Pos.CENTER_RIGHT);
            }

            @Override
            protected void updateItem(BigDecimal item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Money.display(item));
                setTooltip(empty || item == null ? null : new Tooltip("Exact: " + Money.exact(item)));
            }
        });
        return c;
    }
}
