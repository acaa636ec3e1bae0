package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.app.AppConfig;
import app.glow.inspector.ui.groups.GroupRow;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opens the real main window on the demo instance (over loopback HTTP) and looks at it. */
class MainWindowTest extends FxAppSupport {
    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
    }


    @Test
    void mainWindowHasItsTitleIconAndGroupsTable() {
        assertTrue(stage.getTitle().startsWith("Glow Inspector"), stage.getTitle());
        assertEquals(7, stage.getIcons().size(), "window icons 16..512");
        TableView<GroupRow> table = table();
        assertTrue(table.isVisible());
        assertEquals("Name", table.getColumns().get(0).getText());
        var titles = table.getColumns().stream().map(c -> c.getText()).toList();
        assertEquals("Review", titles.get(1), "the review status sits next to the name");
        assertTrue(titles.containsAll(java.util.List.of("Live", "Created", "Runs", "Messages", "Cost")), titles.toString());
    }

    @Test
    void theDemoOpensWithABadgeAndItsGroups() throws Exception {
        Label badge = label("#demoBadge");
        assertTrue(badge.isVisible());
        assertEquals("Demo data", badge.getText());
        TableView<GroupRow> table = table();
        waitFor(15, () -> table.getItems().size() >= 100);
        Label status = label("#statusLabel");
        waitFor(5, () -> status.getText().contains("of 500 groups loaded"));
        assertFalse(table.getItems().get(0).summary().groupName().isBlank());
    }

    @Test
    void selectingARowShowsItsHeader() throws Exception {
        TableView<GroupRow> table = table();
        waitFor(15, () -> !table.getItems().isEmpty());
        GroupRow first = table.getItems().get(0);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        Label title = label("#groupTitle");
        waitFor(5, () -> title.getText().equals(first.summary().groupName()));
        Label totals = label("#groupTotals");
        assertTrue(totals.getText().contains("runs"), totals.getText());
        assertTrue(totals.getText().contains("$" + first.summary().cost().toPlainString()), totals.getText());
    }
}
