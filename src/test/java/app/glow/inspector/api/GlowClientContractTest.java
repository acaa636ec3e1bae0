package app.glow.inspector.api;

import app.glow.inspector.source.Cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.Message;
import java.math.BigDecimal;
import java.time.Instant;
import mockwebserver3.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GlowClientContractTest extends MockServerSupport {
    private final ObjectMapper plain = new ObjectMapper();

    private JsonNode body(RecordedRequest r) throws Exception {
        return plain.readTree(r.getBody().utf8());
    }

    @Test
    void leanGroupSendsTheContractRequestAndParsesTheSample() throws Exception {
        server.enqueue(json(200, ContractSamples.LEAN));
        GroupIdentity id = client.resolveGroup("4f1c", Cancellation.none());
        assertTrue(id.groupExists());
        assertEquals("Office hours: recursion", id.groupName());
        assertEquals("Dana Reviewer", id.actorName());

        RecordedRequest r = server.takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/system/group", r.getUrl().encodedPath());
        assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));
        assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
        JsonNode b = body(r);
        assertEquals("4f1c", b.get("group_id").asText());
        assertEquals(1, b.size(), "a lean request sends only group_id: " + b);
    }

    @Test
    void unknownGroupIsNotAnError() throws Exception {
        server.enqueue(json(200, "{\"group_exists\": false, \"group_id\": \"nope\"}"));
        GroupIdentity id = client.resolveGroup("nope", Cancellation.none());
        assertFalse(id.groupExists());
        assertNull(id.groupName());
    }

    @Test
    void detailParsesEveryFieldOfTheSample() throws Exception {
        server.enqueue(json(200, ContractSamples.DETAIL));
        GroupDetail d = client.groupDetail("4f1c", 0, 50, Cancellation.none());
        JsonNode b = body(server.takeRequest());
        assertTrue(b.get("include_detail").asBoolean());
        assertEquals(50, b.get("message_limit").asInt());
        assertEquals(0, b.get("message_offset").asInt());

        assertEquals(412, d.totalMessageCount());
        assertEquals(1, d.runs().size());
        var run = d.runs().get(0).run();
        assertEquals("9a0e", run.id());
        assertEquals(Instant.parse("2026-11-20T14:03:22.125Z"), run.createdAt());
        assertEquals(1830, run.inputTokens());
        assertEquals(214, run.outputTokens());
        assertEquals(1024, run.cachedInputTokens());
        assertEquals(new BigDecimal("0.0041275"), run.cost());
        assertEquals("m-1", run.modelId());
        assertEquals("a-1", run.agentId());
        assertEquals("p-7", run.profileId());
        assertEquals(1, d.runs().get(0).previousContextStartIndex());
        Message m = d.runs().get(0).messages().get(0);
        assertEquals("user", m.role());
        assertEquals(java.util.List.of("t-88"), m.textUploadIds());
        assertEquals(java.util.List.of("i-3"), m.imageUploadIds());
        assertEquals("grade_rubric", m.calls().get(0).templateName());
        assertEquals("rubrics/recursion.md", m.calls().get(0).filePath());
        assertEquals(Instant.parse("2026-11-20T14:03:23.010Z"), m.calls().get(0).createdAt());
        assertEquals("gpt-4o-mini", d.models().get(0).name());
        assertEquals("Student persona: Sam", d.agents().get(0).name());
        assertEquals("TA Jordan Lee", d.profiles().get(0).name());
    }

    @Test
    void groupsPageParsesTheSampleAndSendsOnlyWhatWasAsked() throws Exception {
        server.enqueue(json(200, ContractSamples.GROUPS));
        GroupsPage p = client.groups(new GroupsQuery(25, "tok", "recur", Instant.parse("2026-11-01T00:00:00Z"),
                null), Cancellation.none());
        JsonNode b = body(server.takeRequest());
        assertEquals(25, b.get("page_size").asInt());
        assertEquals("tok", b.get("page_token").asText());
        assertEquals("recur", b.get("query").asText());
        assertEquals("2026-11-01T00:00:00Z", b.get("created_after").asText());
        assertFalse(b.has("created_before"), "null fields are not sent");

        assertEquals("eyJvIjoyNX0", p.nextPageToken());
        assertEquals(1840L, p.totalCount());
        var g = p.groups().get(0);
        assertEquals(12, g.runCount());
        assertEquals(412, g.messageCount());
        assertEquals(52011, g.inputTokens());
        assertEquals(6120, g.outputTokens());
        assertEquals(30720, g.cachedInputTokens());
        assertEquals(new BigDecimal("0.0871302"), g.cost());
        assertEquals(Instant.parse("2026-11-20T14:19:02Z"), g.updatedAt());
        assertEquals(java.util.List.of("p-7"), g.profileIds());
        var price = p.pricing().get(0);
        assertEquals(new BigDecimal("0.15"), price.inputPerMillion());
        assertEquals(new BigDecimal("0.075"), price.cachedInputPerMillion());
        assertEquals(new BigDecimal("0.60"), price.outputPerMillion());
        assertEquals("USD", price.currency());
    }

    @Test
    void refreshForAllAndForOneGroup() throws Exception {
        server.enqueue(json(200, "{\"refreshed\": true}"));
        server.enqueue(json(200, "{\"refreshed\": true}"));
        assertTrue(client.refresh(null, Cancellation.none()));
        assertEquals("{}", server.takeRequest().getBody().utf8());
        assertTrue(client.refresh("g-1", Cancellation.none()));
        assertEquals("g-1", body(server.takeRequest()).get("group_id").asText());
    }

    @Test
    void postRawReturnsTheServersBytesUntouched() throws Exception {
        String odd = "{ \"groups\" : [ ] ,\n \"extra\": 1.000000000100 }";
        server.enqueue(json(200, odd));
        byte[] out = client.postRaw("/system/groups", "{\"page_size\":1}".getBytes(), Cancellation.none());
        assertEquals(odd, new String(out, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void exportStreamsTheZipBody() throws Exception {
        byte[] zip = new byte[100_000];
        new java.util.Random(7).nextBytes(zip);
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).addHeader("Content-Type", "application/zip")
                .chunkedBody(new okio.Buffer().write(zip), 4096).build());
        var out = new java.io.ByteArrayOutputStream();
        long n = client.export("g-1", out, Cancellation.none());
        assertEquals(zip.length, n);
        assertTrue(java.util.Arrays.equals(zip, out.toByteArray()));
        RecordedRequest r = server.takeRequest();
        assertEquals("/system/export", r.getUrl().encodedPath());
        assertEquals("g-1", body(r).get("target_group_id").asText());
    }
}
