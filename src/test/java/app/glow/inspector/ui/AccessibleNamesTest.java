package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ComboBoxBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A screen reader can name every control a keyboard user can reach. */
class AccessibleNamesTest extends FxAppSupport {
    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
    }

    /** The name a screen reader announces: the accessible text, else the visible label or hint. */
    static String name(Control c) {
        if (c.getAccessibleText() != null && !c.getAccessibleText().isBlank()) {
            return c.getAccessibleText();
        }
        if (c instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return l.getText();
        }
        if (c instanceof TextInputControl t && t.getPromptText() != null && !t.getPromptText().isBlank()) {
            return t.getPromptText();
        }
        if (c instanceof ComboBoxBase<?> b && b.getPromptText() != null && !b.getPromptText().isBlank()) {
            return b.getPromptText();
        }
        return null;
    }

    private static void walk(Node n, List<String> unnamed) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Control c && c.isFocusTraversable() && !c.isDisabled() && name(c) == null) {
            unnamed.add(c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId())
                    + " " + c.getStyleClass());
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, unnamed);
            }
        }
    }

    @Test
    void everyFocusableControlHasAName() throws Exception {
        waitFor(20, () -> table().getItems().size() > 10);
        robot.interact(() -> table().getSelectionModel().clearAndSelect(0));
        var ws = app.wiring().mainWindow().workspace();
        waitFor(20, () -> ws.detail().groupId() != null && robot.lookup(".bubble").tryQuery().isPresent());
        List<String> unnamed = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            walk(stage.getScene().getRoot(), out);
            return out;
        }).get();
        assertEquals(List.of(), unnamed, "controls a keyboard reaches without a name");
    }

    /** Buttons a reader sees in the window, with no tooltip; inside the conversation's cells too. */
    private static void buttons(Node n, List<javafx.scene.control.ButtonBase> out) {
        if (!n.isVisible()) {
            return;
        }
        // a menu bar's menus are named by their titles and reached with F10 and Alt: no tooltips there
        if (n instanceof javafx.scene.control.ButtonBase b && !b.isDisabled()
                && !b.getStyleClass().contains("menu-button")) {
            out.add(b);
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                buttons(child, out);
            }
        }
    }

    @Test
    void everyButtonHasATooltipWithItsShortcut() throws Exception {
        waitFor(20, () -> table().getItems().size() > 10);
        robot.interact(() -> table().getSelectionModel().clearAndSelect(0));
        var ws = app.wiring().mainWindow().workspace();
        waitFor(20, () -> ws.detail().groupId() != null && robot.lookup(".bubble").tryQuery().isPresent());
        // a button that does what a menu item does shows that item's shortcut
        java.util.Map<String, String> shortcuts = WaitForAsyncUtils.asyncFx(() -> {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            var bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
            List<javafx.scene.control.MenuItem> todo = new ArrayList<>(bar.getMenus());
            while (!todo.isEmpty()) {
                var i = todo.remove(0);
                if (i instanceof javafx.scene.control.Menu m) {
                    todo.addAll(m.getItems());
                } else if (i.getAccelerator() != null && i.getText() != null) {
                    out.put(i.getText().replace("…", ""), i.getAccelerator().getDisplayText());
                }
            }
            return out;
        }).get();
        assertEquals("F5", shortcuts.get("Reload"), shortcuts.toString());
        List<String> missing = WaitForAsyncUtils.asyncFx(() -> {
            List<javafx.scene.control.ButtonBase> all = new ArrayList<>();
            buttons(stage.getScene().getRoot(), all);
            List<String> out = new ArrayList<>();
            for (var b : all) {
                String what = b.getClass().getSimpleName() + (b.getId() == null ? "" : "#" + b.getId()) + " \""
                        + name(b) + "\" " + b.getStyleClass();
                if (b.getTooltip() == null || b.getTooltip().getText() == null || b.getTooltip().getText().isBlank()) {
                    out.add(what);
                    continue;
                }
                String key = b.getText() == null ? null : shortcuts.get(b.getText().replace("…", ""));
                if (key != null && !b.getTooltip().getText().contains(key)) {
                    out.add(what + " does not show " + key + " in \"" + b.getTooltip().getText() + "\"");
                }
            }
            return out;
        }).get();
        assertEquals(List.of(), missing, "buttons without a tooltip, or whose tooltip lacks their shortcut");
        assertTrue(robot.lookup("#findNext").queryButton().getTooltip().getText().contains("(Enter)"));
    }
}
