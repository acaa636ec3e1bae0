package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
