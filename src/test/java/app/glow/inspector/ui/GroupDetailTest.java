package app.glow.inspector.ui;

import static app.glow.inspector.ui.FxAppSupport.inState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.app.AppConfig;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.ui.detail.ConversationModel;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.detail.chat.MessageText;
import app.glow.inspector.ui.detail.chat.SelectableText;
import app.glow.inspector.ui.groups.GroupRow;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The detail pane against the demo instance: header, timeline, bubbles, paging, folds, find, calls. */
class GroupDetailTest extends FxAppSupport {
    static GlowClient api;
    static List<GroupSummary> groups;

    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
        api = ((RemoteSource) app.wiring().mainWindow().workspace().source().inner()).client();
        groups = api.groups(GroupsQuery.firstPage(60), Cancellation.none()).groups();
    }


    private GroupDetailViewModel vm() {
        return app.wiring().mainWindow().workspace().detail();
    }

    private GroupSummary named(String part) {
        return groups.stream().filter(g -> g.groupName().contains(part)).findFirst().orElseThrow();
    }

    private void openGroup(GroupSummary g) throws Exception {
        var list = app.wiring().mainWindow().workspace().list();
        robot.interact(() -> list.open(new GroupRow(g, "", "", "")));
        waitFor(15, () -> !vm().conversation().items().isEmpty() && g.groupId().equals(vm().groupId()));
    }

    /** Visible on screen: the list keeps an invisible cell for measuring, which is not. */
    static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    @SuppressWarnings("unchecked")
    private ListView<Conversation.Item> conversation() {
        return robot.lookup("#conversationList").queryAs(ListView.class);
    }

    @Test
    void theHeaderTimelineAndBubblesShowTheGroup() throws Exception {
        GroupSummary g = groups.get(0);
        openGroup(g);
        assertEquals(g.groupName(), label("#groupTitle").getText());
        waitFor(5, () -> label("#groupActor").getText().equals("Actor: Dana Reviewer"));
        assertTrue(label("#groupTotals").getText().contains("$" + g.cost().toPlainString()));
        assertTrue(label("#groupInvolved").getText().contains("Models: "));
        assertEquals(g.runCount(), vm().conversation().runs().size(), "every run is on the timeline");
        assertTrue(vm().conversation().items().get(0) instanceof Conversation.RunHeader);
        // visible bubbles get their text; system prompts are full-width cards
        waitFor(10, () -> robot.lookup(".bubble").match(inState("system")).tryQuery().isPresent()
                && robot.lookup(".message-block").queryAll().stream().anyMatch(n ->
                ((MessageText) n).text().startsWith("You are")));
        assertTrue(robot.lookup(".bubble").match(inState("user")).tryQuery().isPresent());
        assertTrue(robot.lookup(".bubble").match(inState("assistant")).tryQuery().isPresent());
        assertTrue(robot.lookup(".attachment-chip").tryQuery().isPresent(), "the rich group shows attachments");
        // rows are as tall as their bubbles: a short row would let the next one cover its text
        robot.interact(() -> {
            for (javafx.scene.Node n : robot.lookup(".conversation-cell").match(GroupDetailTest::shown).queryAll()) {
                var cell = (javafx.scene.control.ListCell<?>) n;
                if (cell.getGraphic() != null) {
                    assertTrue(cell.getHeight() + 0.5 >= cell.getGraphic().getLayoutBounds().getHeight(),
                            "row " + cell.getIndex() + " is " + cell.getHeight() + " px for content of "
                                    + cell.getGraphic().getLayoutBounds().getHeight());
                }
            }
        });
        MessageText any = robot.lookup(".message-block").match(GroupDetailTest::shown).queryAs(MessageText.class);
        robot.clickOn(any);
        waitFor(5, () -> any.getChildren().get(0) instanceof SelectableText);
        SelectableText selectable = (SelectableText) any.getChildren().get(0);
        assertFalse(selectable.isEditable(), "selectable, not editable");
        robot.interact(selectable::selectAll);
        assertEquals(any.text(), selectable.getSelectedText(), "the whole text can be selected and copied");
        waitFor(5, () -> vm().json().groupJsonProperty().get().contains("\"group_id\" : \"" + g.groupId() + "\""));
    }

    @Test
    void aFiveThousandMessageGroupLoadsWindowByWindow() throws Exception {
        GroupSummary big = named("marathon");
        assertTrue(big.messageCount() >= 5000);
        openGroup(big);
        long placeholders = vm().conversation().items().stream().filter(i -> i instanceof Conversation.Placeholder).count();
        assertTrue(placeholders >= 20, "unloaded windows are placeholders: " + placeholders);
        long loaded = vm().conversation().items().stream().filter(i -> i instanceof Conversation.MessageItem
                || i instanceof Conversation.Fold).count();
        assertTrue(loaded < 400, "only the first window is loaded: " + loaded);
        robot.interact(() -> vm().conversation().jumpToMessage(4321));
        waitFor(15, () -> conversation().getSelectionModel().getSelectedItem() instanceof Conversation.MessageItem m
                && m.position() == 4320);
        // the jump loads the target's window and what shows around it, never the windows in between
        java.util.Set<Integer> unloaded = vm().conversation().items().stream()
                .filter(i -> i instanceof Conversation.Placeholder).map(i -> ((Conversation.Placeholder) i).window())
                .collect(java.util.stream.Collectors.toSet());
        assertFalse(unloaded.contains(4320 / ConversationModel.WINDOW), "the target's window is loaded");
        for (int w = 2; w < 4320 / ConversationModel.WINDOW - 1; w++) {
            assertTrue(unloaded.contains(w), "window " + w + ", passed over by the jump, is not loaded: " + unloaded);
        }
        assertTrue(unloaded.size() > placeholders - 8, "a few windows more, not all: " + unloaded.size());
        assertTrue(vm().texts() != null);
    }

    @Test
    void replayedContextIsFoldedSoEachTurnIsReadOnce() throws Exception {
        GroupSummary g = groups.stream().filter(x -> x.runCount() >= 4 && x.messageCount() < 200).findFirst()
                .orElseThrow();
        openGroup(g);
        List<Conversation.Fold> folds = vm().conversation().items().stream().filter(i -> i instanceof Conversation.Fold)
                .map(i -> (Conversation.Fold) i).toList();
        assertFalse(folds.isEmpty(), "replayed context is folded");
        Set<String> shown = new HashSet<>();
        for (Conversation.Item i : vm().conversation().items()) {
            if (i instanceof Conversation.MessageItem m) {
                assertTrue(shown.add(m.message().id()), "message shown twice: " + m.message().id());
            }
        }
        int before = vm().conversation().items().size();
        Conversation.Fold f = folds.get(0);
        robot.interact(() -> vm().conversation().toggleFold(f.runIndex()));
        assertEquals(before + f.messages().size(), vm().conversation().items().size(), "unfolding shows the replayed messages");
        robot.interact(() -> vm().conversation().toggleFold(f.runIndex()));
        assertEquals(before, vm().conversation().items().size());
    }

    @Test
    void aOneMegabyteTextShowsItsStartAndShowAllOpensTheWhole() throws Exception {
        GroupSummary g = named("crash log");
        openGroup(g);
        int index = -1;
        for (int i = 0; i < vm().conversation().items().size(); i++) {
            if (vm().conversation().items().get(i) instanceof Conversation.MessageItem m && m.message().textUploadIds().size() == 2
                    && m.message().role().equals("user")) {
                index = i;
            }
        }
        assertTrue(index >= 0);
        int target = index;
        robot.interact(() -> conversation().scrollTo(target));
        waitFor(10, () -> robot.lookup(".show-all").tryQuery().isPresent());
        javafx.scene.control.Button all = robot.lookup(".show-all").queryButton();
        assertTrue(all.getText().startsWith("Show all (1.0 MB)"), all.getText());
        robot.interact(all::fire);
        waitFor(15, () -> robot.lookup(".full-text").tryQuery().isPresent()
                && ((ListView<?>) robot.lookup(".full-text").query()).getItems().size() == 8200);
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup(".full-text").query().getScene().getWindow()).close());
    }

    @Test
    void findHighlightsMatchesInTheLoadedText() throws Exception {
        openGroup(groups.get(0));
        waitFor(10, () -> robot.lookup(".message-block").queryAll().size() >= 3);
        robot.interact(() -> vm().find().find("you"));
        waitFor(5, () -> vm().find().statusProperty().get().matches("1 of \\d+ \\(in loaded text\\)"));
        waitFor(5, () -> robot.lookup(".bubble").match(inState("find-current")).tryQuery().isPresent());
        String first = vm().find().statusProperty().get();
        robot.interact(() -> vm().find().next());
        assertTrue(vm().find().statusProperty().get().startsWith("2 of") || first.endsWith("1 of 1 (in loaded text)"));
        robot.interact(() -> vm().find().find(""));
    }

    @Test
    void theToolCallTreeListsCallsAndLeadsToTheirMessage() throws Exception {
        GroupSummary g = groups.stream().filter(x -> x.groupName().contains("Grading feedback") && x.runCount() >= 3
                && x.messageCount() < 500).findFirst().orElseThrow();
        openGroup(g);
        waitFor(15, () -> !vm().calls().indexProperty().get().entries().isEmpty());
        var calls = vm().calls().indexProperty().get().entries();
        String template = calls.get(0).call().templateName();
        robot.interact(() -> app.wiring().mainWindow().workspace().detail().conversation().selectedRunProperty().set(-1));
        robot.interact(() -> {
            var tabs = robot.lookup("#detailTabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getSelectionModel().select(1);
        });
        javafx.scene.control.TreeTableView<?> tree = robot.lookup("#toolCallTree .tree-table-view")
                .queryAs(javafx.scene.control.TreeTableView.class);
        waitFor(5, () -> tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty());
        assertTrue(label("#templateCounts").getText().contains(template + ": "));
        robot.interact(() -> robot.lookup("#callFilter").queryAs(javafx.scene.control.TextField.class)
                .setText("no-such-template"));
        assertTrue(tree.getRoot().getChildren().isEmpty());
        robot.interact(() -> robot.lookup("#callFilter").queryAs(javafx.scene.control.TextField.class).setText(""));
        var call = tree.getRoot().getChildren().get(0).getChildren().get(0).getChildren().get(0);
        robot.interact(() -> tree.getSelectionModel().select(tree.getRow((javafx.scene.control.TreeItem) call)));
        long position = calls.get(0).position();
        waitFor(10, () -> conversation().getSelectionModel().getSelectedItem() instanceof Conversation.MessageItem m
                && m.position() == position);
    }

    @Test
    void clickingARunOnTheTimelineScrollsToItsMessages() throws Exception {
        GroupSummary g = named("Semester of lab help");
        openGroup(g);
        robot.interact(() -> vm().conversation().selectRun(150));
        waitFor(15, () -> conversation().getSelectionModel().getSelectedItem() instanceof Conversation.RunHeader h
                && h.runIndex() == 150);
        robot.interact(() -> robot.lookup("#timelineByCost").queryAs(javafx.scene.control.ToggleButton.class).fire());
        assertNotNull(robot.lookup("#runTimeline").query());
    }
}
