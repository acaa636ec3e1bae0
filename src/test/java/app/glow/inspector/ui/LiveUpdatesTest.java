package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.app.AppConfig;
import app.glow.inspector.ui.groups.GroupRow;
import app.glow.inspector.ui.live.LiveViewModel;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.MapChangeListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Follow mode against the demo's live generation (sped up): progress, row updates, notices. */
class LiveUpdatesTest extends FxAppSupport {
    @BeforeAll
    static void open() throws Exception {
        launch(AppConfig.demo().withDemoLiveStep(120));
    }


    @Test
    void progressShowsThenTheRowAndTheOpenGroupUpdateInPlace() throws Exception {
        var ws = app.wiring().mainWindow().workspace();
        waitFor(15, () -> table().getItems().size() >= 100);
        try {
            waitFor(10, () -> ws.live().statusProperty().get() == LiveViewModel.Status.CONNECTED);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("live status: " + ws.live().statusProperty().get() + " / "
                    + ws.live().statusTextProperty().get(), e);
        }
        assertEquals("Live", label("#liveStatus").getText());

        GroupRow live = table().getItems().get(0);
        long listed = live.summary().runCount();
        robot.interact(() -> table().getSelectionModel().clearAndSelect(0));
        // the demo keeps generating into this group: it may have grown between the list and the detail
        waitFor(15, () -> live.groupId().equals(ws.detail().groupId())
                && ws.detail().conversation().runs().size() >= listed);
        long runsBefore = ws.detail().conversation().runs().size();

        var view = robot.lookup("#conversationView").queryAs(app.glow.inspector.ui.detail.chat.ConversationView.class);
        waitFor(10, () -> view.firstVisibleItem() != null);
        var firstBefore = view.firstVisibleItem();

        AtomicBoolean sawProgress = new AtomicBoolean();
        robot.interact(() -> {
            sawProgress.set(ws.list().progress().containsKey(live.groupId()));
            ws.list().progress().addListener((MapChangeListener<String, Object>) c -> {
                if (c.wasAdded() && c.getKey().equals(live.groupId())) {
                    sawProgress.set(true);
                }
            });
        });
        // the demo keeps generating into this group: a generation under way shows its progress bar
        waitFor(20, () -> sawProgress.get() && robot.lookup(".live-progress .progress-bar").tryQuery().isPresent());
        waitFor(20, () -> table().getItems().stream().anyMatch(r -> r.groupId().equals(live.groupId())
                && r.summary().runCount() > runsBefore));
        assertTrue(sawProgress.get(), "a progress bar showed before the row updated");
        GroupRow updated = table().getItems().stream().filter(r -> r.groupId().equals(live.groupId())).findFirst()
                .orElseThrow();
        assertEquals(0, table().getItems().indexOf(updated), "the row stays where it was");
        waitFor(5, () -> table().getSelectionModel().getSelectedItem() != null
                && table().getSelectionModel().getSelectedItem().groupId().equals(live.groupId()));
        waitFor(15, () -> ws.detail().conversation().runs().size() > runsBefore
                && ws.detail().header().statusProperty().get().contains("updated live"));
        assertEquals(live.groupId(), ws.detail().groupId(), "the open group stays open");
        assertEquals(firstBefore, view.firstVisibleItem(), "the reader's place did not move");
        waitFor(5, () -> robot.lookup("#newMessagesPill").queryButton().isVisible());
        assertTrue(robot.lookup("#newMessagesPill").queryButton().getText().matches("\\d+ new messages? ↓"),
                robot.lookup("#newMessagesPill").queryButton().getText());
        robot.interact(() -> robot.lookup("#newMessagesPill").queryButton().fire());
        // the group keeps growing (a new pill may come); the reader was taken down to the new messages
        waitFor(5, () -> view.firstVisibleItem() != null && !view.firstVisibleItem().equals(firstBefore));
    }

    @Test
    void aFailedGenerationBecomesANoticeNamingTheGroup() throws Exception {
        var ws = app.wiring().mainWindow().workspace();
        waitFor(40, () -> !ws.live().notices().recent().isEmpty());
        app.glow.inspector.ui.notify.Notice n = ws.live().notices().recent().get(0);
        assertTrue(n.title().startsWith("Generation failed"), n.title());
        assertTrue(n.title().contains("“"), "names the group: " + n.title());
        waitFor(5, () -> robot.lookup("#notificationPane").queryAs(org.controlsfx.control.NotificationPane.class)
                .isShowing());
    }

    @Test
    void pausingStopsFollowing() throws Exception {
        var ws = app.wiring().mainWindow().workspace();
        robot.interact(() -> ws.live().followProperty().set(false));
        assertEquals(LiveViewModel.Status.PAUSED, ws.live().statusProperty().get());
        assertEquals("Paused", label("#liveStatus").getText());
        robot.interact(() -> ws.live().followProperty().set(true));
        waitFor(10, () -> ws.live().statusProperty().get() == LiveViewModel.Status.CONNECTED);
    }
}
