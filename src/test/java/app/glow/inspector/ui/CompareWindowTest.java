package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.archive.ArchiveExporter;
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
        waitFor(20, () -> !table().getItems().isEmpty());
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
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#compareRoot").query().getScene().getWindow()).close());
    }

    @Test
    void aLiveGroupAgainstOneFromAnArchive() throws Exception {
        var ws = app.wiring().mainWindow().workspace();
        robot.interact(() -> {
            ws.list().queryTextProperty().set("model comparison");
            ws.list().applyFilters();
        });
        waitFor(20, () -> table().getItems().size() == 2);
        String live = table().getItems().get(0).groupId();
        String archived = table().getItems().get(1).groupId();
        java.nio.file.Path zip = java.nio.file.Files.createTempDirectory("glow-compare").resolve("one.zip");
        new ArchiveExporter(ws.source()).export(java.util.List.of(archived),
                ArchiveExporter.Options.DEFAULT, zip, (g, n, b) -> { },
                Cancellation.none());
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.fileToOpen = zip;
        app.wiring().mainWindow().useDialogs(dialogs);
        robot.interact(() -> table().getSelectionModel().clearAndSelect(0));
        waitFor(5, () -> ws.list().selection().size() == 1);
        var bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        var item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "compareArchiveMenu".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
        waitFor(30, () -> robot.lookup("#compareRows").tryQuery().isPresent()
                && !robot.lookup("#compareRows").queryAs(ListView.class).getItems().isEmpty());
        Comparison truth = Comparison.load(ws.source(), live, ws.source(), archived, CompareProgress.NONE,
                Cancellation.none());
        assertEquals(truth.alignment().rows().size(), robot.lookup("#compareRows").queryAs(ListView.class)
                .getItems().size(), "the archive's copy compares like the live group");
        assertEquals(truth.summary().deltas().get(CompareSummary.COST).label(),
                robot.lookup("#delta-cost").queryAs(Label.class).getText());
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#compareRoot").query().getScene().getWindow()).close());
    }
}
