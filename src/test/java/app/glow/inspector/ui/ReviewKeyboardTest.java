package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.review.ReviewStatus;
import app.glow.inspector.service.Conversation;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A review done from the keyboard alone, then found again after a restart of the app. */
class ReviewKeyboardTest extends FxAppSupport {
    static Path folder;

    @BeforeAll
    static void open() throws Exception {
        folder = Files.createTempDirectory("glow-review");
        launch(quietDemo(), folder);
    }

    @SuppressWarnings("unchecked")
    private ListView<Conversation.Item> conversation() {
        return robot.lookup("#conversationList").queryAs(ListView.class);
    }

    private boolean flagShown(String text) {
        return robot.lookup(".review-flag").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains(text));
    }

    /**
     * Keys go to the window TestFX targets; under the headless platform a new dialog is not made
     * the target by itself, so the test points the robot at the dialog its field belongs to.
     */
    private void typeInto(String fieldId, String text) {
        robot.targetWindow(robot.lookup(fieldId).<javafx.scene.Node>query());
        robot.write(text);
    }

    @Test
    void flagNoteAndStatusFromTheKeyboardSurviveARestart() throws Exception {
        waitFor(20, () -> table().getItems().size() > 10);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.type(KeyCode.DOWN);
        var ws = app.wiring().mainWindow().workspace();
        waitFor(20, () -> ws.detail().groupId() != null && ws.review().statusProperty().get() != null
                && conversation().getItems().size() > 3);
        String group = ws.detail().groupId();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.type(KeyCode.DOWN, 2);
        for (int i = 0; i < 10 && !(conversation().getSelectionModel().getSelectedItem()
                instanceof Conversation.MessageItem m && m.message().role().equals("assistant")); i++) {
            robot.type(KeyCode.DOWN); // past run headers and folds to the persona's first answer
        }
        waitFor(5, () -> conversation().getSelectionModel().getSelectedItem() instanceof Conversation.MessageItem);
        var flagged = (Conversation.MessageItem) conversation().getSelectionModel().getSelectedItem();

        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        waitFor(10, () -> robot.lookup("#reviewerNameField").tryQuery().isPresent());
        typeInto("#reviewerNameField", "Ana Reviewer");
        robot.type(KeyCode.ENTER);
        waitFor(10, () -> robot.lookup("#flagCategory").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#flagCategory").<javafx.scene.Node>query());
        robot.type(KeyCode.DOWN); // the second category
        robot.type(KeyCode.TAB);
        typeInto("#annotationNote", "copied <b>answer</b>");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        robot.targetWindow(stage);
        waitFor(10, () -> flagShown("Persona broke character — copied <b>answer</b> (Ana Reviewer"));

        robot.press(KeyCode.ALT, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.ALT);
        waitFor(10, () -> label("#groupReview").getText().startsWith("Review: Escalated (Ana Reviewer"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G).release(KeyCode.G, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(10, () -> robot.lookup("#annotationNote").tryQuery().isPresent());
        typeInto("#annotationNote", "whole conversation checked");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        robot.targetWindow(stage);
        waitFor(10, () -> label("#groupReview").getText().contains("whole conversation checked"));
        waitFor(10, () -> "Escalated · 1 flag".equals(ws.review().summary(group).text()));

        // away and back: F8 finds the flag again
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.F8);
        waitFor(10, () -> conversation().getSelectionModel().getSelectedItem() instanceof Conversation.MessageItem m
                && m.position() == flagged.position());

        robot.press(KeyCode.CONTROL, KeyCode.U).release(KeyCode.U, KeyCode.CONTROL);
        waitFor(10, () -> ws.detail().groupId() != null && !group.equals(ws.detail().groupId()));
        assertEquals(ReviewStatus.UNREVIEWED, ws.review().summary(ws.detail().groupId()).status());

        // restart on the same settings folder: everything is there again
        shutdown();
        launch(quietDemo(), folder);
        var again = app.wiring().mainWindow().workspace();
        waitFor(20, () -> table().getItems().stream().anyMatch(r -> r.groupId().equals(group))
                && "Escalated · 1 flag".equals(again.review().summary(group).text()));
        int row = table().getItems().stream().map(r -> r.groupId()).toList().indexOf(group);
        robot.interact(() -> table().getSelectionModel().clearAndSelect(row));
        waitFor(20, () -> group.equals(again.detail().groupId()) && again.review().statusProperty().get() != null
                && again.review().statusProperty().get().status() == ReviewStatus.ESCALATED);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.type(KeyCode.F8);
        waitFor(15, () -> flagShown("Persona broke character — copied <b>answer</b>"));
        assertTrue(label("#groupReview").getText().contains("whole conversation checked"));
        assertNotEquals(0, again.review().annotatedRuns().size(), "the timeline marks the run");
    }
}
