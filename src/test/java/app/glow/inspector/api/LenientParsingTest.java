package app.glow.inspector.api;

import app.glow.inspector.source.Cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LenientParsingTest extends MockServerSupport {
    @Test
    void extraFieldsAreIgnoredAndMissingArraysAreEmpty() throws Exception {
        server.enqueue(json(200, """
                {"group_exists": true, "group_id": "g", "future_field": {"x": [1,2]}, "total_message_count": 1,
                 "runs": [{"run": {"id": "r", "created_at": "2026-11-20T16:03:22+02:00", "cost": 0.5, "new": true},
                           "messages": [{"id": "m", "role": "tool", "text_upload_ids": ["t"]}]}]}
                """));
        GroupDetail d = client.groupDetail("g", null, null, Cancellation.none());
        var rm = d.runs().get(0);
        assertNull(rm.previousContextStartIndex());
        assertEquals(Instant.parse("2026-11-20T14:03:22Z"), rm.run().createdAt(), "offsets are honoured");
        var m = rm.messages().get(0);
        assertEquals("tool", m.role(), "unknown roles are kept as sent");
        assertTrue(m.audioUploadIds().isEmpty());
        assertTrue(m.imageUploadIds().isEmpty());
        assertTrue(m.videoUploadIds().isEmpty());
        assertTrue(m.fileUploadIds().isEmpty());
        assertTrue(m.calls().isEmpty());
        assertTrue(d.models().isEmpty());
        assertTrue(d.agents().isEmpty());
        assertTrue(d.profiles().isEmpty());
    }

    @Test
    void optionalPageFieldsMayBeAbsentOrNull() throws Exception {
        server.enqueue(json(200, "{\"groups\": [{\"group_id\": \"g\", \"cost\": 1}], \"next_page_token\": null}"));
        GroupsPage p = client.groups(GroupsQuery.firstPage(10), Cancellation.none());
        assertTrue(p.isLastPage());
        assertNull(p.totalCount());
        assertTrue(p.pricing().isEmpty());
        GroupSummary g = p.groups().get(0);
        assertTrue(g.modelIds().isEmpty());
        assertEquals(0, g.runCount());
        assertEquals(new BigDecimal("1"), g.cost());
    }

    @Test
    void nullRunsAndMissingMessagesAreEmpty() throws Exception {
        server.enqueue(json(200, "{\"group_exists\": true, \"group_id\": \"g\", \"runs\": null}"));
        assertTrue(client.groupDetail("g", 0, 10, Cancellation.none()).runs().isEmpty());
        server.enqueue(json(200, "{\"group_exists\": true, \"group_id\": \"g\", \"runs\": [{\"run\": {\"id\": \"r\"}}]}"));
        assertTrue(client.groupDetail("g", 0, 10, Cancellation.none()).runs().get(0).messages().isEmpty());
    }

    @Test
    void moneyIsExactDecimal() throws Exception {
        server.enqueue(json(200, """
                {"groups": [{"group_id": "a", "cost": 0.1}, {"group_id": "b", "cost": 0.2},
                            {"group_id": "c", "cost": 0.0000000001}, {"group_id": "d", "cost": 12345678.1234567891}]}
                """));
        GroupsPage p = client.groups(GroupsQuery.firstPage(10), Cancellation.none());
        BigDecimal sum = p.groups().get(0).cost().add(p.groups().get(1).cost());
        assertEquals(0, new BigDecimal("0.3").compareTo(sum));
        assertEquals("0.3", sum.toPlainString());
        assertEquals("0.0000000001", p.groups().get(2).cost().toPlainString());
        assertEquals("12345678.1234567891", p.groups().get(3).cost().toPlainString());
    }
}
