package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.app.AppConfig;
import app.glow.inspector.search.GroupHits;
import app.glow.inspector.search.SearchHit;
import app.glow.inspector.ui.groups.GroupRow;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search pane in the real window on the demo: index a selection, search, open a hit, step, select. */
class SearchPaneTest extends FxAppSupport {
    @BeforeAll
    static void open() throws Exception {
        launch(AppConfig.demo());
    }

    @SuppressWarnings("unchecked")
    TreeView<Object> results() {
        return robot.lookup("#searchResults").queryAs(TreeView.class);
    }

    @Test
    void indexSearchOpenStepAndSelect() throws Exception {
        waitFor(15, () -> table().getItems().size() >= 20);
        var ws = app.wiring().mainWindow().workspace();
        // groups 10..14 of the demo; one of them (13) has no runs, so no messages to find
        List<String> five = table().getItems().subList(10, 15).stream().filter(r -> r.summary().messageCount() > 0)
                .map(GroupRow::groupId).toList();
        assertEquals(4, five.size());
        robot.interact(() -> {
            table().getSelectionModel().clearSelection();
            table().getSelectionModel().selectRange(10, 15);
        });

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        waitFor(5, () -> tabs.getSelectionModel().getSelectedIndex() == 1);
        TextField field = robot.lookup("#fullTextSearchField").queryAs(TextField.class);
        waitFor(5, field::isFocused);
        Button index = robot.lookup("#indexSelectedButton").queryAs(Button.class);
        waitFor(15, () -> !index.isDisabled());
        robot.clickOn(index);
        waitFor(60, () -> label("#searchStatus").getText().startsWith("Indexed"));

        robot.clickOn(field).write("role:user").type(KeyCode.ENTER);
        waitFor(15, () -> label("#searchStatus").getText().contains(" hits in "));
        List<String> groupsFound = results().getRoot().getChildren().stream()
                .map(i -> ((GroupHits) i.getValue()).groupId()).toList();
        assertTrue(groupsFound.containsAll(five), groupsFound + " " + five);
        for (TreeItem<Object> g : results().getRoot().getChildren()) {
            GroupHits gh = (GroupHits) g.getValue();
            assertEquals(gh.hits().size(), g.getChildren().size());
            assertTrue(g.getChildren().stream().allMatch(h -> "user".equals(((SearchHit) h.getValue()).role())));
        }

        // Enter on a hit opens its group
        TreeItem<Object> second = results().getRoot().getChildren().get(1).getChildren().get(0);
        SearchHit hit = (SearchHit) second.getValue();
        robot.interact(() -> {
            results().getSelectionModel().select(second);
            results().requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitFor(15, () -> hit.groupId().equals(ws.detail().groupId()));

        // n steps to the first hit, N back to the last
        robot.type(KeyCode.N);
        var vm = ((app.glow.inspector.ui.search.SearchPane) robot.lookup("#searchPane").query()).viewModel();
        waitFor(5, () -> vm.currentProperty().get() == vm.hits().indexOf(hit) + 1);
        robot.press(KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT);
        waitFor(5, () -> vm.currentProperty().get() == vm.hits().indexOf(hit));

        robot.clickOn("#selectHitsButton");
        Set<String> withHits = vm.groupIdsWithHits();
        waitFor(5, () -> ws.list().selection().stream().map(GroupRow::groupId).collect(Collectors.toSet())
                .equals(withHits.stream().filter(id -> ws.list().row(id) != null).collect(Collectors.toSet())));
        assertTrue(label("#searchStatus").getText().startsWith("Selected"), label("#searchStatus").getText());

        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write("\"base case").type(KeyCode.ENTER);
        waitFor(5, () -> label("#searchError").isVisible());
        assertTrue(label("#searchError").getText().contains("quotation mark"), label("#searchError").getText());
        assertFalse(label("#searchError").getText().contains("Exception"));
        assertTrue(results().getRoot().getChildren().isEmpty());
    }
}
