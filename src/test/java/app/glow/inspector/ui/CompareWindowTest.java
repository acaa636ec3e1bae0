package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.compare.Comparison;
import app.glow.inspector.compare.CompareSummary;
import app.glow.inspector.compare.CompareProgress;
import app.glow.inspector.source.Cancellation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two groups side by side from the list: gaps for the inserted turn, marked words, exact deltas. */
class CompareWindowTest extends FxAppSupport {
    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
    }

    @Test
    void ctrlDComparesTheTwoSelectedGroups() throws Exception {
        var ws = app.wiring().mainWindow().workspace();
        waitFor(20, () -> table().getItems().size() > 10);
        robot.interact(() -> {
            ws.list().queryTextProperty().set("model comparison");
            ws.list().applyFilters();
        });
        waitFor(20, () -> table().getItems().size() == 2);
        robot.interact(() -> table().getSelectionModel().selectAll());
        waitFor(5, () -> ws.list().selection().size() == 2);
        String a = ws.list().selection().get(0).groupId();
        String b = ws.list().selection().get(1).groupId();
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitFor(30, () -> robot.lookup("#compareRows").tryQuery().isPresent()
                && !robot.lookup("#compareRows").queryAs(ListView.class).getItems().isEmpty());

        Comparison truth = Comparison.load(ws.source(), a, ws.source(), b, CompareProgress.NONE, Cancellation.none());
        assertEquals(truth.alignment().rows().size(), robot.lookup("#compareRows").queryAs(ListView.class)
                .getItems().size());
        assertEquals(truth.summary().deltas().get(CompareSummary.COST).label(),
                robot.lookup("#delta-cost").queryAs(Label.class).getText(), "the cost delta is exact");
        waitFor(10, () -> robot.lookup(".compare-gap").tryQuery().isPresent());
        assertEquals(2, robot.lookup("#compareTimelines .run-timeline").queryAll().size(), "both timelines");
        robot.interact(() -> robot.lookup("#compareRows").queryAs(ListView.class).scrollTo(0));
        waitFor(10, () -> robot.lookup(".diff-insert").tryQuery().isPresent()
                || robot.lookup(".diff-delete").tryQuery().isPresent());
        assertTrue(robot.lookup("#compareStatus").queryAs(Label.class).getText().contains("aligned rows"));
        Screenshots.save(robot.lookup("#compareRoot").query().getScene(), "compare");
    }
}
