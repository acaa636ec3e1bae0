package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.ui.groups.LiveProgress;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a new user sees at the default window size, and the theme and text size at run time. */
class LayoutAndThemeTest extends FxAppSupport {
    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
    }

    @Test
    void theDefaultLayoutShowsCostAndSizesWithoutScrolling() throws Exception {
        waitFor(20, () -> table().getItems().size() > 10);
        assertEquals(1440, stage.getScene().getWidth(), 1);
        assertEquals(900, stage.getScene().getHeight(), 1);
        var visible = table().getVisibleLeafColumns().stream().map(TableColumn::getText).toList();
        assertFalse(visible.contains("Live"), "nothing is live: no Live column");
        assertColumnsInView(List.of("Name", "Created", "Cost", "Runs", "Messages", "Total tokens"));
        Screenshots.save(stage.getScene(), "light");
    }

    @Test
    void whileAGenerationRunsTheLiveColumnFitsBesideTheCostAndSizes() throws Exception {
        waitFor(20, () -> table().getItems().size() > 10);
        var progress = app.wiring().mainWindow().workspace().list().progress();
        String live = table().getItems().get(0).groupId();
        TableColumn<?, ?> name = column("col-name");
        double nameBefore = name.getWidth();
        robot.interact(() -> progress.put(live, new LiveProgress(0.4, "2/5 · 40%")));
        try {
            waitFor(5, () -> column("col-live").isVisible());
            robot.interact(() -> { });
            assertColumnsInView(List.of("Name", "Live", "Created", "Cost", "Runs", "Messages", "Total tokens"));
            assertTrue(name.getWidth() >= 100, "the name keeps room to be read: " + name.getWidth());
        } finally {
            robot.interact(() -> progress.remove(live));
        }
        waitFor(5, () -> !column("col-live").isVisible());
        waitFor(5, () -> Math.abs(name.getWidth() - nameBefore) < 1);
    }

    @Test
    void aSelectedGroupRowStandsOutAndEveryRowPaintsOneFill() throws Exception {
        waitFor(20, () -> table().getItems().size() > 10);
        robot.interact(() -> {
            table().getSelectionModel().clearAndSelect(2);
            table().requestFocus();
        });
        robot.interact(() -> table().layout());
        javafx.scene.paint.Paint[] fills = new javafx.scene.paint.Paint[2];
        robot.interact(() -> {
            for (Node n : table().lookupAll(".table-row-cell")) {
                if (n instanceof javafx.scene.control.TableRow<?> row && !row.isEmpty()
                        && (row.getIndex() == 2 || row.getIndex() == 3)) {
                    var bg = row.getBackground();
                    // one fill: Prism would cache two or more as an image, slow on the software renderer
                    assertEquals(1, bg.getFills().size(), "fills of row " + row.getIndex());
                    fills[row.getIndex() - 2] = bg.getFills().get(0).getFill();
                }
            }
        });
        assertTrue(fills[0] != null && fills[1] != null, "rows 2 and 3 are shown");
        assertFalse(fills[0].equals(fills[1]), "the selected row has its own colour: " + fills[0]);
        robot.interact(() -> table().getSelectionModel().clearSelection());
    }

    /** Every column named is shown, whole (its header not cut), left of the vertical scroll bar. */
    private void assertColumnsInView(List<String> names) throws Exception {
        robot.interact(() -> table().layout());
        double x = 0;
        double right = 0;
        var shown = new java.util.ArrayList<String>();
        var cut = new java.util.ArrayList<String>();
        for (TableColumn<?, ?> c : table().getVisibleLeafColumns()) {
            x += c.getWidth();
            if (names.contains(c.getText())) {
                right = x;
                shown.add(c.getText());
                if (!c.getText().equals(headerText(c))) {
                    cut.add(headerText(c) + " (" + c.getWidth() + ")");
                }
            }
        }
        assertTrue(shown.containsAll(names), shown.toString());
        assertEquals(List.of(), cut, "headers cut");
        // and the values are whole (a name may be cut: its tooltip has it all)
        for (Node n : table().lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null
                    && names.contains(cell.getTableColumn().getText()) && !"Name".equals(cell.getTableColumn().getText())
                    && cell.lookup(".text") instanceof Text t && (t.getText().endsWith("...") || t.getText().endsWith("…"))) {
                cut.add(cell.getTableColumn().getText() + ": " + t.getText());
            }
        }
        assertEquals(List.of(), cut, "values cut");
        double scrollBar = 16; // the vertical scroll bar takes its width from the columns' room
        assertTrue(right <= table().getWidth() - scrollBar, table().getVisibleLeafColumns().stream()
                .map(c -> c.getText() + " " + c.getWidth()).toList() + " end at " + right + " in a list "
                + table().getWidth() + " wide");
    }

    /** What the column's header shows: the title, or the title cut with an ellipsis. */
    private String headerText(TableColumn<?, ?> c) {
        for (Node h : table().lookupAll(".column-header")) {
            if (h instanceof TableColumnHeader header && header.getTableColumn() == c) {
                Node label = header.lookup(".label");
                Node text = label == null ? null : label.lookup(".text");
                return text instanceof Text t ? t.getText() : null;
            }
        }
        return null;
    }

    private TableColumn<?, ?> column(String id) {
        return table().getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    @Test
    void themeAndTextSizeSwitchAtRunTimeAndAreRemembered() throws Exception {
        MenuItem dark = findItem("theme-dark");
        robot.interact(dark::fire);
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        assertTrue(stage.getScene().getRoot().getStyleClass().contains("theme-dark"));
        assertEquals("dark", app.wiring().settings().get("theme").asText());
        Screenshots.save(stage.getScene(), "dark");
        robot.interact(findItem("theme-light")::fire);
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));

        robot.clickOn("#groupsTable");
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        waitFor(5, () -> stage.getScene().getRoot().getStyle().contains("14px"));
        assertEquals(14, app.wiring().settings().get("fontSize").asInt());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        waitFor(5, () -> stage.getScene().getRoot().getStyle().contains("13px"));
    }

    private MenuItem findItem(String id) {
        var bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        for (var m : bar.getMenus()) {
            MenuItem found = find(m.getItems(), id);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private static MenuItem find(java.util.List<MenuItem> items, String id) {
        for (MenuItem i : items) {
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof javafx.scene.control.Menu sub) {
                MenuItem f = find(sub.getItems(), id);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
