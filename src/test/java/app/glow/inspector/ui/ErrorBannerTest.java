package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.app.AppConfig;
import javafx.scene.Node;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server failure shows a banner with the server's message and Retry; the app stays usable. */
class ErrorBannerTest extends FxAppSupport {
    static MockWebServer server;
    static final java.util.concurrent.BlockingQueue<MockResponse> pages =
            new java.util.concurrent.LinkedBlockingQueue<>();

    @BeforeAll
    static void open() throws Exception {
        server = new MockWebServer();
        // Pages come from a queue; the live event stream (which the app also opens) gets an empty stream.
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest r) throws InterruptedException {
                if (r.getUrl().encodedPath().equals("/system/watch")) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body(": nothing yet\n\n").build();
                }
                MockResponse next = pages.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                return next != null ? next : new MockResponse.Builder().code(503).build();
            }
        });
        server.start();
        pages.add(new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
                .body("{\"error\": {\"code\": \"internal\", \"message\": \"database is restarting\"}}").build());
        launch(new AppConfig(GlowConnection.of(server.url("/").toString(), "test-token"), 500, null));
    }

    @AfterAll
    static void close() throws Exception {
        server.close();
    }

    @Test
    void aFailedPageShowsTheBannerAndRetryRecovers() throws Exception {
        Node banner = robot.lookup("#errorBanner").query();
        waitFor(10, () -> banner.getParent().isVisible());
        String text = label("#errorBanner").getText();
        assertTrue(text.contains("database is restarting"), text);
        assertTrue(text.contains("500"), text);
        assertFalse(stage.getTitle().contains("Demo"));

        pages.add(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("""
                        {"groups": [{"group_id": "g-1", "group_name": "Recovered group", "created_at": "2026-11-20T14:03:22Z",
                          "run_count": 1, "message_count": 2, "cost": 0.5, "model_ids": ["m-9"]}],
                         "next_page_token": null, "total_count": 1}
                        """).build());
        robot.clickOn("#retryButton");
        waitFor(10, () -> table().getItems().size() == 1);
        assertEquals("Recovered group", table().getItems().get(0).summary().groupName());
        assertEquals("m-9", table().getItems().get(0).models(), "an unnamed id is shown raw");
        waitFor(5, () -> !banner.getParent().isVisible());
    }
}
