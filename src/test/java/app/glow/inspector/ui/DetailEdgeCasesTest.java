package app.glow.inspector.ui;

import static app.glow.inspector.ui.FxAppSupport.inState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.app.AppConfig;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.detail.chat.MessageText;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Groups a real server may send that the demo does not: odd roles, missing arrays, markup, vanishing. */
class DetailEdgeCasesTest extends FxAppSupport {
    static MockWebServer server;
    static final AtomicInteger vanishingCalls = new AtomicInteger();

    static final String PAGE = """
            {"groups": [
              {"group_id": "edge-a", "group_name": "Edge A", "created_at": "2026-11-20T10:00:00Z", "run_count": 2,
               "message_count": 3, "cost": 0.3, "model_ids": ["m-unnamed"]},
              {"group_id": "edge-b", "group_name": "Edge B: no runs", "created_at": "2026-11-19T10:00:00Z"},
              {"group_id": "edge-c", "group_name": "Edge C: vanishes", "created_at": "2026-11-18T10:00:00Z",
               "run_count": 1, "message_count": 450, "cost": 0.1}
            ], "total_count": 3}
            """;

    static final String EDGE_A = """
            {"group_exists": true, "group_id": "edge-a", "group_name": "Edge A", "actor_name": "R",
             "total_message_count": 3,
             "runs": [
               {"run": {"id": "r1", "created_at": "2026-11-20T10:00:01Z", "cost": 0.1, "model_id": "m-unnamed",
                        "agent_id": "a-unnamed", "profile_id": "p-unnamed", "input_tokens": 5},
                "messages": [
                  {"id": "m1", "role": "tool", "text_upload_ids": ["t-html"]},
                  {"id": "m2", "role": "user"},
                  {"id": "m3", "role": "assistant", "text_upload_ids": ["t-missing"], "calls": null}
                ]},
               {"run": {"id": "r2", "created_at": "2026-11-20T10:00:09Z", "cost": 0.2, "model_id": "m-unnamed"},
                "messages": []}
             ]}
            """;

    static final String EDGE_B = """
            {"group_exists": true, "group_id": "edge-b", "group_name": "Edge B: no runs", "total_message_count": 0}
            """;

    static String edgeC(int offset, int limit) {
        if (offset > 0) {
            return "{\"group_exists\": false, \"group_id\": \"edge-c\"}";
        }
        StringBuilder msgs = new StringBuilder();
        for (int i = 0; i < Math.min(limit, 450); i++) {
            msgs.append(i == 0 ? "" : ",").append("{\"id\": \"c").append(i).append("\", \"role\": \"user\"}");
        }
        return "{\"group_exists\": true, \"group_id\": \"edge-c\", \"group_name\": \"Edge C: vanishes\","
                + " \"total_message_count\": 450, \"runs\": [{\"run\": {\"id\": \"rc\", \"created_at\":"
                + " \"2026-11-18T10:00:00Z\", \"cost\": 0.1}, \"messages\": [" + msgs + "]}]}";
    }

    @BeforeAll
    static void open() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                String body = r.getBody() == null ? "" : r.getBody().utf8();
                String json;
                if (path.equals("/system/groups")) {
                    json = PAGE;
                } else if (path.equals("/system/text_download")) {
                    if (body.contains("t-missing")) {
                        return new MockResponse.Builder().code(404)
                                .body("{\"error\": {\"code\": \"not_found\", \"message\": \"gone\"}}").build();
                    }
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain")
                            .body("<b>bold?</b> <script>alert(1)</script> & <img src=x onerror=alert(2)>").build();
                } else if (body.contains("edge-a")) {
                    json = EDGE_A;
                } else if (body.contains("edge-b")) {
                    json = EDGE_B;
                } else {
                    vanishingCalls.incrementAndGet();
                    int offset = body.contains("\"message_offset\":") ? Integer.parseInt(
                            body.replaceAll(".*\"message_offset\":(\\d+).*", "$1")) : 0;
                    json = edgeC(offset, 200);
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

    private GroupDetailViewModel vm() {
        return app.wiring().mainWindow().workspace().detail();
    }

    private void open(int row) throws Exception {
        waitFor(10, () -> table().getItems().size() == 3);
        robot.interact(() -> table().getSelectionModel().clearAndSelect(row));
    }

    @Test
    void oddRolesMissingArraysUnnamedIdsAndMarkupAreShownSafely() throws Exception {
        open(0);
        waitFor(10, () -> vm().conversation().items().size() == 5);
        var items = vm().conversation().items();
        assertTrue(items.get(0) instanceof Conversation.RunHeader);
        assertTrue(items.get(4) instanceof Conversation.RunHeader h && h.noMessages(), "a run with no messages");
        waitFor(10, () -> robot.lookup(".bubble").match(inState("other-role")).tryQuery().isPresent());
        // cells are filled as the list lays out: wait for the label rather than sample it once
        waitFor(10, () -> robot.lookup(".bubble-role").queryAll().stream().anyMatch(n ->
                n instanceof javafx.scene.control.Label l && l.getText().startsWith("Role: tool")));
        waitFor(10, () -> robot.lookup(".message-block").tryQuery().isPresent());
        MessageText t = robot.lookup(".message-block").queryAs(MessageText.class);
        String markup = "<b>bold?</b> <script>alert(1)</script> & <img src=x onerror=alert(2)>";
        assertEquals(markup, t.text(), "markup is shown as text");
        assertEquals(markup, ((javafx.scene.control.Label) t.getChildren().get(0)).getText());
        String[] selectable = new String[1];
        robot.interact(() -> selectable[0] = t.makeSelectable().getText());
        assertEquals(markup, selectable[0]);
        waitFor(10, () -> robot.lookup(".text-error").tryQuery().isPresent());
        assertTrue(label("#groupInvolved").getText().contains("m-unnamed"), "unnamed ids are shown raw");
        assertTrue(robot.lookup(".run-separator").queryAll().stream().anyMatch(n ->
                ((javafx.scene.control.Label) n).getText().contains("a-unnamed")));
    }

    @Test
    void aGroupWithNoRunsSaysSo() throws Exception {
        open(1);
        waitFor(10, () -> "edge-b".equals(vm().groupId()) && vm().header().statusProperty().get().startsWith("0 messages"));
        assertTrue(vm().conversation().items().isEmpty());
        assertTrue(vm().conversation().runs().isEmpty());
    }

    @Test
    void aGroupThatStopsExistingWhileShownKeepsWhatWasLoaded() throws Exception {
        open(2);
        waitFor(10, () -> "edge-c".equals(vm().groupId()) && vm().conversation().items().size() > 200);
        int before = vm().conversation().items().size();
        robot.interact(() -> vm().conversation().loadWindow(1));
        waitFor(10, () -> vm().header().statusProperty().get().contains("no longer exists"));
        assertEquals(before, vm().conversation().items().size(), "what was loaded stays shown");
    }
}
