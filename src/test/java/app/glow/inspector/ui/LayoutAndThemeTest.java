package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Application;
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
        double x = 0;
        double costRight = -1;
        for (TableColumn<?, ?> c : table().getVisibleLeafColumns()) {
            x += c.getWidth();
            if ("col-cost".equals(c.getId()) || "col-total-tokens".equals(c.getId())) {
                costRight = x;
            }
        }
        double scrollBar = 16; // the vertical scroll bar takes its width from the columns' room
        assertTrue(costRight > 0 && costRight <= table().getWidth() - scrollBar, "cost and tokens end at " + costRight
                + " in a list " + table().getWidth() + " wide");
        var visible = table().getVisibleLeafColumns().stream().map(TableColumn::getText).toList();
        assertTrue(visible.containsAll(java.util.List.of("Name", "Created", "Cost", "Runs", "Messages",
                "Total tokens")), visible.toString());
        assertFalse(visible.contains("Live"), "nothing is live: no Live column");
        Screenshots.save(stage.getScene(), "light");
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
