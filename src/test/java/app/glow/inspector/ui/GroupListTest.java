package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.app.AppConfig;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.ui.groups.GroupRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The master list against the demo instance: values, paging, sort, search, totals, open by id. */
class GroupListTest extends FxAppSupport {
    static GlowClient api;

    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
        api = ((RemoteSource) app.wiring().mainWindow().workspace().source().inner()).client();
    }


    @BeforeEach
    void firstPageShown() throws Exception {
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        robot.interact(() -> {
            table().getSortOrder().clear();
            table().getSelectionModel().clearSelection();
            if (!search.getText().isEmpty()) {
                search.clear();
            }
        });
        robot.interact(() -> app.wiring().mainWindow().workspace().list().applyFilters());
        waitFor(15, () -> table().getItems().size() >= 100 && !table().getItems().get(0).summary().groupName()
                .isEmpty());
    }

    private static String cellText(TableView<GroupRow> table, int row, String columnId) {
        for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null
                    && columnId.equals(cell.getTableColumn().getId()) && cell.getIndex() == row
                    && cell.getTableRow() != null) {
                return cell.getText();
            }
        }
        return null;
    }

    @Test
    void knownGroupsShowTheRightValues() throws Exception {
        List<GroupSummary> truth = api.groups(GroupsQuery.firstPage(5), Cancellation.none()).groups();
        TableView<GroupRow> table = table();
        // input tokens and models are one click away (the ⋮ menu): show them as a user would
        robot.interact(() -> table.getColumns().stream().filter(c -> "col-input-tokens".equals(c.getId())
                || "col-models".equals(c.getId())).forEach(c -> c.setVisible(true)));
        robot.interact(() -> table.scrollTo(0));
        for (int i = 0; i < 5; i++) {
            GroupSummary g = truth.get(i);
            int row = i;
            waitFor(5, () -> cellText(table, row, "col-name") != null);
            assertEquals(g.groupName(), cellText(table, i, "col-name"));
            assertEquals(Money.display(g.cost()), cellText(table, i, "col-cost"));
            assertEquals(String.format(Locale.getDefault(), "%,d", g.messageCount()),
                    cellText(table, i, "col-messages"));
            assertEquals(String.format(Locale.getDefault(), "%,d", g.inputTokens()),
                    cellText(table, i, "col-input-tokens"));
            assertEquals(String.format(Locale.getDefault(), "%,d", g.inputTokens() + g.cachedInputTokens()
                    + g.outputTokens()), cellText(table, i, "col-total-tokens"));
        }
        String models = cellText(table, 0, "col-models");
        assertTrue(models != null && !models.isEmpty() && !models.matches("[0-9a-f-]{36}.*"),
                "model names, not ids: " + models);
    }

    @Test
    void scrollingTowardTheEndLoadsMorePages() throws Exception {
        TableView<GroupRow> table = table();
        int before = table.getItems().size();
        for (int k = 0; k < 3; k++) {
            robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
            int expect = before + 100 * (k + 1);
            waitFor(10, () -> table.getItems().size() >= Math.min(expect, 500));
        }
        assertTrue(table.getItems().size() >= 400, "pages loaded: " + table.getItems().size());
    }

    @Test
    void sortingByCostOrdersTheLoadedRows() throws Exception {
        TableView<GroupRow> table = table();
        TableColumn<GroupRow, ?> cost = table.getColumns().stream().filter(c -> "col-cost".equals(c.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> table.scrollToColumn(cost));
        robot.clickOn(robot.lookup(".column-header").match(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h
                && h.getTableColumn() == cost).queryAs(javafx.scene.Node.class));
        waitFor(5, () -> !table.getSortOrder().isEmpty());
        List<BigDecimal> costs = table.getItems().stream().map(r -> r.summary().cost()).toList();
        for (int i = 1; i < costs.size(); i++) {
            assertTrue(costs.get(i - 1).compareTo(costs.get(i)) <= 0, "ascending at " + i);
        }
        @SuppressWarnings("unchecked")
        TableColumn<GroupRow, ?> costCol = (TableColumn<GroupRow, ?>) table.getSortOrder().get(0);
        assertEquals("col-cost", costCol.getId());
    }

    @Test
    void searchFiltersOnTheServerAndClearingRestores() throws Exception {
        TableView<GroupRow> table = table();
        robot.clickOn("#searchField").write("grading feedback").type(KeyCode.ENTER);
        waitFor(10, () -> !table.getItems().isEmpty() && table.getItems().stream()
                .allMatch(r -> r.summary().groupName().toLowerCase(Locale.ROOT).contains("grading feedback")));
        long expected = api.groups(new GroupsQuery(1, null, "grading feedback", null, null), Cancellation.none())
                .totalCount();
        waitFor(10, () -> label("#statusLabel").getText().contains("of " + expected + " groups"));
        robot.clickOn("#clearFilters");
        waitFor(10, () -> table.getItems().size() >= 100 && table.getItems().stream()
                .anyMatch(r -> !r.summary().groupName().toLowerCase(Locale.ROOT).contains("grading")));
    }

    @Test
    void theFooterShowsExactTotalsOfTheSelection() throws Exception {
        TableView<GroupRow> table = table();
        robot.interact(() -> table.getSelectionModel().selectIndices(0, 2, 4));
        BigDecimal sum = table.getItems().get(0).summary().cost().add(table.getItems().get(2).summary().cost())
                .add(table.getItems().get(4).summary().cost());
        waitFor(5, () -> label("#selectionTotals").getText().startsWith("Selected: 3 groups"));
        assertTrue(label("#selectionTotals").getText().endsWith("$" + sum.toPlainString()),
                label("#selectionTotals").getText());
        assertTrue(label("#loadedTotals").getText().startsWith("Loaded: "));
    }

    @Test
    void jAndKMoveTheSelection() throws Exception {
        TableView<GroupRow> table = table();
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(3);
            table.requestFocus();
        });
        robot.type(KeyCode.J);
        waitFor(5, () -> table.getSelectionModel().getSelectedIndex() == 4);
        robot.type(KeyCode.K).type(KeyCode.K);
        waitFor(5, () -> table.getSelectionModel().getSelectedIndex() == 2);
    }

    @Test
    void openByIdFindsAGroupThatIsNotLoadedAndSaysWhenThereIsNone() throws Exception {
        List<GroupSummary> all = api.groups(GroupsQuery.firstPage(500), Cancellation.none()).groups();
        GroupSummary far = all.get(470);
        var list = app.wiring().mainWindow().workspace().list();
        robot.interact(() -> list.openById("see https://glow.example.edu/groups/" + far.groupId() + "?tab=runs",
                list.noticeProperty()::set));
        waitFor(10, () -> label("#groupTitle").getText().equals(far.groupName())
                && label("#groupTotals").getText().contains("$" + far.cost().toPlainString())
                && label("#groupTotals").getText().startsWith(far.runCount() + " runs"));
        robot.interact(() -> list.openById("00000000-0000-4000-8000-000000000000", list.noticeProperty()::set));
        waitFor(10, () -> String.valueOf(label("#noticeLabel").getText()).startsWith("No such group"));
    }

    @Test
    void theCreatedBetweenFilterMatchesTheServer() throws Exception {
        var list = app.wiring().mainWindow().workspace().list();
        var day = table().getItems().get(0).summary().createdAt().atZone(java.time.ZoneId.systemDefault())
                .toLocalDate();
        robot.interact(() -> {
            list.createdFromProperty().set(day);
            list.createdToProperty().set(day);
        });
        waitFor(10, () -> !list.loadingProperty().get() && table().getItems().stream().allMatch(r ->
                r.summary().createdAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate().equals(day)));
        assertTrue(table().getItems().size() > 0);
        robot.interact(() -> {
            list.createdFromProperty().set(null);
            list.createdToProperty().set(null);
        });
    }
}
