package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app with keys only: list → detail → conversation → a media player → back to the list. */
class KeyboardWalkTest extends FxAppSupport {
    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
    }

    private Node focus() {
        return stage.getScene().getFocusOwner();
    }

    private boolean focusWithin(String styleClass) {
        for (Node n = focus(); n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(styleClass)) {
                return true;
            }
        }
        return false;
    }

    private void key(KeyCode... keys) {
        robot.press(keys).release(keys);
    }

    private String describe() {
        Node f = focus();
        return f == null ? "nothing" : f.getClass().getSimpleName() + (f.getId() == null ? "" : "#" + f.getId())
                + " " + f.getStyleClass();
    }

    private boolean selectedCellHasPlayer() throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            var list = robot.lookup("#conversationList").queryListView();
            int i = list.getSelectionModel().getSelectedIndex();
            for (Node n : list.lookupAll(".list-cell")) {
                if (n instanceof javafx.scene.control.ListCell<?> c && c.getIndex() == i && c.isVisible()
                        && (c.lookup(".attachment-audio") != null || c.lookup(".attachment-video") != null)) {
                    return true;
                }
            }
            return false;
        }).get();
    }

    private boolean selectedBubbleRinged() throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            var list = robot.lookup("#conversationList").queryListView();
            int i = list.getSelectionModel().getSelectedIndex();
            for (Node n : list.lookupAll(".list-cell")) {
                if (n instanceof javafx.scene.control.ListCell<?> c && c.getIndex() == i && c.isVisible()
                        && c.lookup(".bubble") instanceof javafx.scene.layout.Region b && b.getBorder() != null) {
                    return b.getBorder().getStrokes().get(0).getWidths().getTop() >= 2;
                }
            }
            return false;
        }).get();
    }

    @Test
    void listDetailConversationPlayerAndBackWithKeysOnly() throws Exception {
        waitFor(20, () -> table().getItems().size() > 10);
        var ws = app.wiring().mainWindow().workspace();
        key(KeyCode.CONTROL, KeyCode.DIGIT1);
        waitFor(5, () -> focus() == table());
        key(KeyCode.HOME); // the newest group, which has voice notes and a video
        waitFor(20, () -> ws.detail().groupId() != null && !ws.detail().conversation().items().isEmpty());
        String opened = ws.detail().groupId();

        key(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitFor(5, () -> focusWithin("conversation"));

        // Down to a message with a player (the test looks; the keys do the work), Tab into it, to the chip
        boolean found = false;
        for (int i = 0; i < 120 && !found; i++) {
            key(KeyCode.DOWN);
            robot.interact(() -> { });
            found = selectedCellHasPlayer();
        }
        assertTrue(found, "no message with a player in reach; at " + robot.lookup("#conversationList").queryListView()
                .getSelectionModel().getSelectedIndex() + ", focus " + describe());
        assertTrue(selectedBubbleRinged(), "the focused message shows it");
        StringBuilder path = new StringBuilder();
        for (int t = 0; t < 8 && !focusWithin("attachment-audio") && !focusWithin("attachment-video"); t++) {
            key(KeyCode.TAB);
            path.append(describe()).append(" → ");
            assertTrue(focusWithin("conversation"), "Tab stays in the message: " + path);
        }
        assertTrue(focusWithin("attachment-audio") || focusWithin("attachment-video"), "no player chip: " + path);
        key(KeyCode.SPACE);
        waitFor(10, () -> focusWithin("player-play"));
        assertTrue(focusWithin("inline-player"), describe());
        key(KeyCode.SPACE); // pause again: the keys reach the player
        key(KeyCode.CONTROL, KeyCode.DIGIT1);
        waitFor(5, () -> focus() == table());
        assertTrue(opened.equals(ws.detail().groupId()), "the group stays open");
    }
}
