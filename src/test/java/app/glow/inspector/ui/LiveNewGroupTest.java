package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.app.AppConfig;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A saved generation for a group not in the list puts it at the top; the selection stays. */
class LiveNewGroupTest extends FxAppSupport {
    static MockWebServer server;
    static final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    @BeforeAll
    static void open() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                String path = r.getUrl().encodedPath();
                String body = r.getBody() == null ? "" : r.getBody().utf8();
                if (path.equals("/system/watch")) {
                    release.await(30, TimeUnit.SECONDS); // the event is sent when the test says so
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                            .body("id: 7\nevent: GenerationSavedEvent\ndata: {\"group_id\": \"g-new\", \"run_id\": \"r-1\","
                                    + " \"artifact_type\": \"group\"}\n\n")
                            .addHeader("Connection", "close").build();
                }
                String json;
                if (path.equals("/system/groups")) {
                    json = "{\"groups\": [{\"group_id\": \"g-1\", \"group_name\": \"Older one\", \"created_at\":"
                            + " \"2026-11-20T10:00:00Z\", \"run_count\": 1, \"cost\": 0.1},"
                            + " {\"group_id\": \"g-2\", \"group_name\": \"Older two\", \"created_at\":"
                            + " \"2026-11-19T10:00:00Z\", \"run_count\": 1, \"cost\": 0.2}], \"total_count\": 2}";
                } else if (body.contains("g-new")) {
                    json = "{\"group_exists\": true, \"group_id\": \"g-new\", \"group_name\": \"Brand new group\","
                            + " \"total_message_count\": 0, \"runs\": [{\"run\": {\"id\": \"r-1\", \"created_at\":"
                            + " \"2026-11-28T10:00:00Z\", \"cost\": 0.25, \"input_tokens\": 10}}]}";
                } else {
                    json = "{\"group_exists\": true, \"group_id\": \"g-2\", \"group_name\": \"Older two\","
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
        server.close();
    }

    @Test
    void aNewGroupAppearsAtTheTopAndTheSelectionStays() throws Exception {
        waitFor(10, () -> table().getItems().size() == 2);
        robot.interact(() -> table().getSelectionModel().clearAndSelect(1));
        release.countDown();
        try {
            waitFor(15, () -> table().getItems().size() == 3);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("live: " + app.wiring().mainWindow().workspace().live().statusTextProperty().get()
                    + " requests: " + server.getRequestCount(), e);
        }
        assertEquals("Brand new group", table().getItems().get(0).summary().groupName());
        waitFor(5, () -> table().getSelectionModel().getSelectedItem() != null
                && table().getSelectionModel().getSelectedItem().groupId().equals("g-2"));
        waitFor(5, () -> label("#statusLabel").getText().startsWith("3 of 3"));
    }
}
