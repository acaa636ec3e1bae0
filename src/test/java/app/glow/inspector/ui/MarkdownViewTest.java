package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.detail.chat.MessageText;
import app.glow.inspector.ui.groups.GroupRow;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A grading assistant's Markdown answer in the demo, as a reader sees it: formatted, and plain on request. */
class MarkdownViewTest extends FxAppSupport {
    static GroupSummary grading;

    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
        var api = ((RemoteSource) app.wiring().mainWindow().workspace().source().inner()).client();
        grading = api.groups(GroupsQuery.firstPage(60), Cancellation.none()).groups().stream()
                .filter(g -> g.groupName().contains("Grading feedback") && g.runCount() >= 3 && g.messageCount() < 500)
                .findFirst().orElseThrow();
    }

    private GroupDetailViewModel vm() {
        return app.wiring().mainWindow().workspace().detail();
    }

    @SuppressWarnings("unchecked")
    private ListView<Conversation.Item> conversation() {
        return robot.lookup("#conversationList").queryAs(ListView.class);
    }

    private static String text(TextFlow f) {
        return f.getChildren().stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .collect(Collectors.joining());
    }

    private boolean seen(String styleClass, String text) {
        return robot.lookup(styleClass).queryAll().stream().anyMatch(n -> GroupDetailTest.shown(n)
                && n instanceof TextFlow f && text(f).equals(text));
    }

    /** Opens the grading group and scrolls the first Markdown answer (the assistant's, with tool calls) to the top. */
    private void openTheAnswer() throws Exception {
        var list = app.wiring().mainWindow().workspace().list();
        robot.interact(() -> list.open(new GroupRow(grading, "", "", "")));
        waitFor(15, () -> !vm().conversation().items().isEmpty() && grading.groupId().equals(vm().groupId()));
        int index = -1;
        for (int i = 0; i < vm().conversation().items().size() && index < 0; i++) {
            if (vm().conversation().items().get(i) instanceof Conversation.MessageItem m
                    && m.message().role().equals("assistant") && !m.message().calls().isEmpty()) {
                index = i;
            }
        }
        assertTrue(index >= 0, "the grading run's answer is loaded");
        int target = index;
        robot.interact(() -> conversation().scrollTo(target));
    }

    @Test
    void aPersonSeesListsTablesAndCanSwitchToTheRawMarkup() throws Exception {
        openTheAnswer();
        waitFor(15, () -> seen(".md-paragraph", "Add a check for the empty list at the top of the function:"));
        assertTrue(seen(".md-cell", "Correctness (all doctests pass)"), "a table cell");
        assertTrue(seen(".md-header-cell", "Criterion"), "the table's header");
        assertTrue(seen(".md-paragraph", "Strength: great tests, they caught two off-by-one errors."), "a list item");
        assertTrue(robot.lookup(".md-list-marker").queryAll().stream().anyMatch(GroupDetailTest::shown));
        assertTrue(robot.lookup(".md-link").queryAll().stream().anyMatch(n -> GroupDetailTest.shown(n)
                && ((Text) n).getText().equals("rubric notes")), "a link, as text");
        assertTrue(robot.lookup(".md-link-target").queryAll().stream().anyMatch(n -> GroupDetailTest.shown(n)
                && ((Text) n).getText().contains("https://example.edu/rubrics/edge-cases")), "with its target");
        Screenshots.save(stage.getScene(), "markdown");

        Node markdown = robot.lookup(".markdown").match(GroupDetailTest::shown).query();
        Button toggle = robot.from(markdown.getParent()).lookup(".markdown-toggle").queryButton();
        assertEquals("Plain text", toggle.getText());
        robot.interact(toggle::fire);
        waitFor(5, () -> robot.lookup(".message-block").queryAll().stream().anyMatch(n -> GroupDetailTest.shown(n)
                && ((MessageText) n).text().startsWith("### Feedback for")));
        MessageText raw = robot.lookup(".message-block").queryAll().stream().filter(n -> GroupDetailTest.shown(n)
                && ((MessageText) n).text().startsWith("### Feedback for")).map(n -> (MessageText) n).findFirst()
                .orElseThrow();
        String shown = ((javafx.scene.control.Label) raw.getChildren().get(0)).getText();
        assertTrue(shown.contains("I checked the **rubric**") && shown.contains("| Criterion | Points | Awarded |"),
                "the raw markup: " + shown);
        Button back = robot.from(raw.getParent()).lookup(".markdown-toggle").queryButton();
        assertEquals("Formatted", back.getText());
        robot.interact(back::fire);
        waitFor(5, () -> seen(".md-cell", "Correctness (all doctests pass)"));
    }

    @Test
    void viewRenderMarkdownTurnsItOffEverywhereAndIsRemembered() throws Exception {
        openTheAnswer();
        waitFor(15, () -> seen(".md-cell", "Correctness (all doctests pass)"));
        CheckMenuItem item = (CheckMenuItem) menuItem("renderMarkdown");
        assertTrue(item.isSelected());
        robot.interact(() -> item.setSelected(false)); // what a click on the item does (fire() only notifies)
        assertFalse(app.wiring().settings().get("renderMarkdown").asBoolean(true), "remembered");
        waitFor(5, () -> robot.lookup(".markdown").queryAll().stream().noneMatch(GroupDetailTest::shown));
        assertTrue(robot.lookup(".message-block").queryAll().stream().anyMatch(n -> GroupDetailTest.shown(n)
                && ((MessageText) n).text().contains("| Correctness (all doctests pass) | 10 | 10 |")));
        robot.interact(() -> item.setSelected(true));
        waitFor(5, () -> seen(".md-cell", "Correctness (all doctests pass)"));
    }

    private MenuItem menuItem(String id) {
        for (var m : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }
}
