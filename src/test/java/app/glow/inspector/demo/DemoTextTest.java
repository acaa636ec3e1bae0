package app.glow.inspector.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import org.junit.jupiter.api.Test;

/** Every group's system prompt downloads, also in groups whose TA has left (no name: once an NPE). */
class DemoTextTest extends DemoServerSupport {
    @Test
    void theSystemPromptOfEveryGroupDownloads() throws Exception {
        int checked = 0;
        for (GroupSummary g : client.groups(GroupsQuery.firstPage(160), Cancellation.none()).groups()) {
            GroupDetail d = client.groupDetail(g.groupId(), 0, 1, Cancellation.none());
            if (d.runs().isEmpty() || d.runs().get(0).messages().isEmpty()) {
                continue;
            }
            String text = d.runs().get(0).messages().get(0).textUploadIds().get(0);
            try (MediaStream s = client.openDownload(MediaKind.TEXT, text, null, Cancellation.none())) {
                assertEquals(200, s.status());
                assertTrue(new String(s.body().readAllBytes()).startsWith("You are"), g.groupName());
            }
            checked++;
        }
        assertTrue(checked > 150, "groups 76 and 147 (a TA who left) among them: " + checked);
    }
}
