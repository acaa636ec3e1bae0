package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.app.AppConfig;
import app.glow.inspector.ui.notify.Notice;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Twenty failed generations, each reported twice by the server (an error event and a failed
 * completion), give twenty notices in the bell and move nothing in the window.
 */
class NotificationCentreTest extends FxAppSupport {
    static MockWebServer server;
    static final CountDownLatch release = new CountDownLatch(1);
    static final CountDownLatch stop = new CountDownLatch(1);

    @BeforeAll
    static void open() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                String path = r.getUrl().encodedPath();
                if (path.equals("/system/watch")) {
                    if (r.getHeaders().get("Last-Event-ID") != null) {
                        // a resuming client has seen every event: like a real server, send nothing new
                        stop.await(30, TimeUnit.SECONDS);
                        return new MockResponse.Builder().code(503).build();
                    }
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        return new MockResponse.Builder().code(503).build();
                    }
                    StringBuilder events = new StringBuilder();
                    for (int i = 1; i <= 20; i++) {
                        events.append("id: e").append(i).append("a\nevent: GenerationErrorEvent\ndata: {\"group_id\":"
                                + " \"g-1\", \"run_id\": \"r-").append(i).append("\", \"message\": \"model timed out"
                                + " after 30 s (attempt ").append(i).append(")\"}\n\n");
                        events.append("id: e").append(i).append("b\nevent: GenerationCompleteEvent\ndata:"
                                + " {\"group_id\": \"g-1\", \"run_id\": \"r-").append(i)
                                .append("\", \"artifact_type\": \"group\", \"success\": false}\n\n");
                    }
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body(events.toString()).build();
                }
                String json;
                if (path.equals("/system/groups")) {
                    StringBuilder groups = new StringBuilder("{\"groups\": [");
                    for (int i = 1; i <= 40; i++) {
                        groups.append(i == 1 ? "" : ",").append("{\"group_id\": \"g-").append(i)
                                .append("\", \"group_name\": \"Scenario ").append(i)
                                .append("\", \"created_at\": \"2026-11-20T10:00:00Z\", \"run_count\": 1, \"cost\": 0.1}");
                    }
                    json = groups.append("], \"total_count\": 40}").toString();
                } else {
                    json = "{\"group_exists\": true, \"group_id\": \"g-1\", \"group_name\": \"Scenario 1\","
                            + " \"total_message_count\": 0, \"runs\": []}";
                }
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json)
                        .build();
            }
        });
        server.start();
        launch(new AppConfig(GlowConnection.of(server.url("/").toString(), "t"), 500, null));
    }

    @AfterAll
    static void close() throws Exception {
        shutdown(); // the app lets go of its live connection first
        stop.countDown();
        server.close();
    }

    @Test
    void twentyFailuresGiveTwentyNoticesAndMoveNothing() throws Exception {
        waitFor(10, () -> table().getItems().size() == 40);
        robot.interact(() -> table().scrollTo(10));
        Bounds before = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> table().localToScene(table().getBoundsInLocal())).get();
        var notices = app.wiring().mainWindow().workspace().live().notices();
        release.countDown();
        waitFor(20, () -> notices.recent().size() == 20 && notices.recent().stream().allMatch(n -> n.detail() != null));
        Notice latest = notices.recent().get(0);
        assertTrue(latest.title().contains("“Scenario 1”"), latest.title());
        assertEquals("model timed out after 30 s (attempt 20)", latest.detail());
        assertEquals(20, notices.unreadProperty().get(), "one notice per failed run, not two");
        waitFor(5, () -> "20".equals(label("#noticeCount").getText()) && label("#noticeCount").isVisible());
        NotificationPane pane = robot.lookup("#notificationPane").queryAs(NotificationPane.class);
        waitFor(5, pane::isShowing);
        assertTrue(pane.getText().contains("attempt 20"), pane.getText());
        Bounds after = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> table().localToScene(table().getBoundsInLocal())).get();
        assertEquals(before, after, "the list did not move under the pointer");

        // the README's picture: the bell with its count, and the list it opens (which marks them read)
        var withCount = Screenshots.snapshot(stage.getScene());
        robot.clickOn("#noticeBell");
        waitFor(5, () -> notices.unreadProperty().get() == 0 && !label("#noticeCount").isVisible());
        waitFor(5, () -> robot.lookup("#noticeList").tryQuery().isPresent());
        robot.sleep(400); // the list fades in
        Screenshots.save(withCount, stage.getScene(), "notifications", javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof org.controlsfx.control.PopOver && w.isShowing())
                .toArray(javafx.stage.Window[]::new));
        Label anyTime = robot.lookup("#noticeList .notice-title").queryAs(Label.class);
        assertTrue(anyTime.getText().startsWith("Generation failed"), anyTime.getText());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }
}
