package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.app.AppConfig;
import app.glow.inspector.app.GlowInspectorApp;
import app.glow.inspector.ui.groups.GroupRow;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window on the demo instance (over loopback HTTP) and looks at it. */
class MainWindowTest {
    private static GlowInspectorApp app;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (GlowInspectorApp) FxToolkit.setupApplication(() -> new GlowInspectorApp(AppConfig.demo()));
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    private TableView<GroupRow> table() {
        return robot.lookup("#groupsTable").queryAs(TableView.class);
    }

    @Test
    void mainWindowHasItsTitleIconAndGroupsTable() throws Exception {
        assertTrue(stage.getTitle().startsWith("Glow Inspector"), stage.getTitle());
        assertEquals(7, stage.getIcons().size(), "window icons 16..512");
        TableView<GroupRow> table = table();
        assertTrue(table.isVisible());
        assertEquals("Name", table.getColumns().get(0).getText());
        assertEquals("Cost", table.getColumns().get(7).getText());
    }

    @Test
    void theDemoOpensWithABadgeAndItsGroups() throws Exception {
        Label badge = robot.lookup("#demoBadge").queryAs(Label.class);
        assertTrue(badge.isVisible());
        assertEquals("Demo data", badge.getText());
        TableView<GroupRow> table = table();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() >= 100);
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().contains("of 500 groups loaded"));
        assertFalse(table.getItems().get(0).summary().groupName().isBlank());
    }

    @Test
    void selectingARowShowsItsHeader() throws Exception {
        TableView<GroupRow> table = table();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        GroupRow first = table.getItems().get(0);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        Label title = robot.lookup("#groupTitle").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> title.getText().equals(first.summary().groupName()));
        Label totals = robot.lookup("#groupTotals").queryAs(Label.class);
        assertTrue(totals.getText().contains("runs"), totals.getText());
        assertTrue(totals.getText().contains("$" + first.summary().cost().toPlainString()), totals.getText());
    }
}
