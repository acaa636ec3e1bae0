package app.glow.inspector.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowApiException;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.Pricing;
import app.glow.inspector.model.RunWithMessages;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoContractTest extends DemoServerSupport {
    private static final Cancellation NONE = Cancellation.none();

    private static List<GroupSummary> allGroups(int pageSize) throws Exception {
        List<GroupSummary> all = new ArrayList<>();
        GroupsQuery q = GroupsQuery.firstPage(pageSize);
        while (true) {
            GroupsPage p = client.groups(q, NONE);
            assertTrue(p.groups().size() <= pageSize);
            all.addAll(p.groups());
            if (p.isLastPage()) {
                return all;
            }
            q = q.withPageToken(p.nextPageToken());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 25, 500})
    void pagingVisitsEveryGroupExactlyOnceNewestFirst(int pageSize) throws Exception {
        List<GroupSummary> all = allGroups(pageSize);
        assertEquals(500, all.size());
        Set<String> ids = new HashSet<>();
        for (GroupSummary g : all) {
            assertTrue(ids.add(g.groupId()), "seen twice: " + g.groupId());
        }
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).createdAt().isAfter(all.get(i).createdAt()), "newest first at " + i);
        }
        assertEquals(500L, client.groups(GroupsQuery.firstPage(pageSize), NONE).totalCount());
    }

    @Test
    void pageTokensAreOpaqueAndCheckedOnTheServer() throws Exception {
        GroupsPage first = client.groups(GroupsQuery.firstPage(10), NONE);
        String token = first.nextPageToken();
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> client.groups(GroupsQuery.firstPage(10).withPageToken(forged), NONE));
        assertEquals(400, e.status());
        assertEquals("invalid_request", e.code());
        e = assertThrows(GlowApiException.class,
                () -> client.groups(GroupsQuery.firstPage(10).withPageToken("eyJvIjoyNX0"), NONE));
        assertEquals(400, e.status());
        e = assertThrows(GlowApiException.class, () -> client.groups(new GroupsQuery(10, token, "recursion", null,
                null), NONE));
        assertEquals(400, e.status(), "a token of another query is refused");
        e = assertThrows(GlowApiException.class, () -> client.groups(GroupsQuery.firstPage(501), NONE));
        assertEquals(400, e.status());
    }

    @Test
    void queryAndDateBoundsFilterOnTheServer() throws Exception {
        List<GroupSummary> all = allGroups(500);
        long expected = all.stream().filter(g -> g.groupName().toLowerCase().contains("office hours")).count();
        List<GroupSummary> found = new ArrayList<>();
        GroupsQuery q = new GroupsQuery(40, null, "OFFICE hours", null, null);
        GroupsPage p;
        do {
            p = client.groups(q, NONE);
            assertEquals(expected, p.totalCount());
            found.addAll(p.groups());
            q = q.withPageToken(p.nextPageToken());
        } while (!p.isLastPage());
        assertEquals(expected, found.size());
        assertTrue(expected > 50 && expected < 500, "a realistic share: " + expected);

        Instant after = all.get(120).createdAt();
        Instant before = all.get(20).createdAt();
        GroupsPage range = client.groups(new GroupsQuery(500, null, null, after, before), NONE);
        assertEquals(100, range.groups().size(), "after inclusive, before exclusive");
        assertEquals(all.get(21).groupId(), range.groups().get(0).groupId());
        assertEquals(all.get(120).groupId(), range.groups().get(99).groupId());
        assertEquals(100L, range.totalCount());
    }

    @Test
    void everyEndpointRefusesARequestWithoutTheToken() throws Exception {
        GlowClient stranger = new GlowClient(GlowConnection.of(server.url(), "wrong-token"), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        String[] paths = {"/system/group", "/system/groups", "/system/export", "/system/refresh", "/system/watch",
            "/system/audio_download", "/system/image_download", "/system/video_download", "/system/file_download",
            "/system/text_download", "/system/unknown"};
        for (String path : paths) {
            GlowApiException e = assertThrows(GlowApiException.class,
                    () -> stranger.postRaw(path, "{}".getBytes(), NONE), path);
            assertEquals(401, e.status(), path);
            assertEquals("unauthorized", e.code(), path);
        }
        var http = GlowHttp.newClient();
        var req = new okhttp3.Request.Builder().url(server.url() + "/system/groups")
                .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build();
        try (var r = http.newCall(req).execute()) {
            assertEquals(401, r.code(), "no Authorization header at all");
        }
    }

    @Test
    void badRequestsAreRefusedWithTheContractsError() {
        for (String body : new String[] {"{", "[]", "{\"group_id\": 5}", "{}", "{\"group_id\": \"x\", "
                + "\"include_detail\": true, \"message_limit\": -1}"}) {
            GlowApiException e = assertThrows(GlowApiException.class,
                    () -> client.postRaw("/system/group", body.getBytes(), NONE), body);
            assertEquals(400, e.status(), body);
            assertEquals("invalid_request", e.code(), body);
        }
    }

    @Test
    void unknownGroupsAreNotErrors() throws Exception {
        assertFalse(client.resolveGroup("00000000-0000-4000-8000-000000000000", NONE).groupExists());
        GroupDetail d = client.groupDetail("not-a-group", 0, 10, NONE);
        assertFalse(d.groupExists());
        assertTrue(d.runs().isEmpty());
    }

    private static List<String> sequence(String groupId, int window) throws Exception {
        List<String> ids = new ArrayList<>();
        long total = -1;
        for (int off = 0; total < 0 || off < total; off += window) {
            GroupDetail d = client.groupDetail(groupId, off, window, NONE);
            total = d.totalMessageCount();
            int before = ids.size();
            for (RunWithMessages r : d.runs()) {
                for (Message m : r.messages()) {
                    ids.add(m.id());
                }
            }
            assertEquals(Math.min(window, total - off), ids.size() - before, "window at " + off);
        }
        assertEquals(total, ids.size());
        return ids;
    }

    @Test
    void windowsOfAnySizeConcatenateToTheWholeSequence() throws Exception {
        List<GroupSummary> top = client.groups(GroupsQuery.firstPage(12), NONE).groups();
        for (GroupSummary g : top) {
            if (g.messageCount() > 400) {
                continue; // the big groups are checked separately, with larger windows
            }
            List<String> whole = sequence(g.groupId(), 500);
            assertEquals(g.messageCount(), whole.size());
            assertEquals(whole, sequence(g.groupId(), 1), g.groupName());
            assertEquals(whole, sequence(g.groupId(), 7), g.groupName());
        }
    }

    @Test
    void theMarathonGroupHasOver5000MessagesAndTheServerCapsWindows() throws Exception {
        GroupSummary big = allGroups(500).stream().filter(g -> g.messageCount() >= 5000).findFirst().orElseThrow();
        GroupDetail d = client.groupDetail(big.groupId(), 0, 100_000, NONE);
        assertEquals(500, d.windowMessageCount(), "message_limit is capped at 500");
        d = client.groupDetail(big.groupId(), null, null, NONE);
        assertEquals(500, d.windowMessageCount(), "an absent limit is capped too");
        assertEquals(big.runCount(), d.runs().size(), "every run is listed whatever the window");
        List<String> a = sequence(big.groupId(), 500);
        List<String> b = sequence(big.groupId(), 333);
        assertEquals(a, b);
        assertTrue(a.size() >= 5000);
        d = client.groupDetail(big.groupId(), a.size() - 3, 10, NONE);
        assertEquals(3, d.windowMessageCount(), "a window past the end is cut");
    }

    @Test
    void theDatasetHasTheShapesAReviewerMeets() throws Exception {
        List<GroupSummary> all = allGroups(500);
        assertTrue(all.stream().anyMatch(g -> g.runCount() >= 200), "a group with 200+ runs");
        assertTrue(all.stream().anyMatch(g -> g.runCount() == 0), "a group with no runs");
        assertTrue(all.stream().map(GroupSummary::groupName).distinct().count() > 100, "varied names");
        assertTrue(all.stream().flatMap(g -> g.modelIds().stream()).distinct().count() >= 5, "several models");
        assertTrue(all.stream().flatMap(g -> g.agentIds().stream()).distinct().count() >= 5, "several agents");
        assertTrue(all.stream().flatMap(g -> g.profileIds().stream()).distinct().count() >= 5, "several TAs");

        boolean emptyRun = false;
        boolean unnamed = false;
        boolean replayed = false;
        boolean toolCalls = false;
        for (GroupSummary g : all.subList(0, 120)) {
            GroupDetail d = client.groupDetail(g.groupId(), 0, 500, NONE);
            Set<String> named = new HashSet<>();
            d.models().forEach(m -> named.add(m.modelId()));
            d.profiles().forEach(p -> named.add(p.profileId()));
            Set<String> seen = new HashSet<>();
            for (RunWithMessages r : d.runs()) {
                if (!named.contains(r.run().modelId()) || !named.contains(r.run().profileId())) {
                    unnamed = true;
                }
                if (r.messages().isEmpty() && g.messageCount() < 500) {
                    emptyRun = true;
                }
                Integer start = r.previousContextStartIndex();
                if (start != null && r.messages().size() > start) {
                    String id = r.messages().get(start).id();
                    assertTrue(seen.contains(id), "the replayed context starts with a message of an earlier run");
                    replayed = true;
                }
                for (Message m : r.messages()) {
                    seen.add(m.id());
                    toolCalls |= !m.calls().isEmpty();
                }
            }
        }
        assertTrue(emptyRun, "a run with no messages");
        assertTrue(unnamed, "ids the resources omit");
        assertTrue(replayed, "replayed context");
        assertTrue(toolCalls, "tool calls");
    }

    @Test
    void runCostsAreTokensTimesPriceExactlyAndGroupsSumTheirRuns() throws Exception {
        GroupsPage page = client.groups(GroupsQuery.firstPage(100), NONE);
        Map<String, Pricing> prices = new HashMap<>();
        page.pricing().forEach(p -> prices.put(p.modelId(), p));
        int checked = 0;
        int mismatched = 0;
        for (GroupSummary g : page.groups()) {
            GroupDetail d = client.groupDetail(g.groupId(), 0, 0, NONE);
            BigDecimal sum = BigDecimal.ZERO;
            boolean groupMismatch = false;
            for (RunWithMessages r : d.runs()) {
                sum = sum.add(r.run().cost());
                Pricing p = prices.get(r.run().modelId());
                if (p == null) {
                    continue; // a retired model: no price to check against
                }
                BigDecimal expected = p.inputPerMillion().multiply(BigDecimal.valueOf(r.run().inputTokens()))
                        .add(p.cachedInputPerMillion().multiply(BigDecimal.valueOf(r.run().cachedInputTokens())))
                        .add(p.outputPerMillion().multiply(BigDecimal.valueOf(r.run().outputTokens())))
                        .movePointLeft(6);
                if (expected.compareTo(r.run().cost()) != 0) {
                    groupMismatch = true;
                }
                checked++;
            }
            mismatched += groupMismatch ? 1 : 0;
            assertEquals(0, sum.compareTo(g.cost()), "group cost is the exact sum of its runs: " + g.groupName());
        }
        assertTrue(checked > 300, "checked " + checked + " runs");
        assertTrue(mismatched >= 1 && mismatched <= 3, "a few groups billed at a legacy price: " + mismatched);
    }

    @Test
    void leanResolveNamesTheGroup() throws Exception {
        GroupSummary g = client.groups(GroupsQuery.firstPage(1), NONE).groups().get(0);
        var id = client.resolveGroup(g.groupId(), NONE);
        assertTrue(id.groupExists());
        assertEquals(g.groupName(), id.groupName());
        assertNotNull(id.actorName());
    }

    @Test
    void refreshAnswersAsTheContractSays() throws Exception {
        assertTrue(client.refresh(null, NONE));
        String id = client.groups(GroupsQuery.firstPage(1), NONE).groups().get(0).groupId();
        assertTrue(client.refresh(id, NONE));
        GlowApiException e = assertThrows(GlowApiException.class, () -> client.refresh("nope", NONE));
        assertEquals(404, e.status());
    }

    @Test
    void theDatasetIsDeterministicFromItsSeed() throws Exception {
        try (DemoServer again = DemoServer.start(DemoServer.Options.defaults().withLive(0, 1000))) {
            GlowClient c = new GlowClient(GlowConnection.of(again.url(), again.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.NONE);
            GroupsPage a = client.groups(GroupsQuery.firstPage(50), NONE);
            GroupsPage b = c.groups(GroupsQuery.firstPage(50), NONE);
            assertEquals(a.groups(), b.groups());
            var out1 = new ByteArrayOutputStream();
            var out2 = new ByteArrayOutputStream();
            String textId = client.groupDetail(a.groups().get(5).groupId(), 0, 5, NONE).runs().get(0).messages()
                    .get(1).textUploadIds().get(0);
            client.download(app.glow.inspector.model.MediaKind.TEXT, textId, null, out1, NONE);
            c.download(app.glow.inspector.model.MediaKind.TEXT, textId, null, out2, NONE);
            assertArrayEquals(out1.toByteArray(), out2.toByteArray());
        }
        try (DemoServer other = DemoServer.start(DemoServer.Options.defaults().withSeed(7).withLive(0, 1000))) {
            GlowClient c = new GlowClient(GlowConnection.of(other.url(), other.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.NONE);
            assertFalse(client.groups(GroupsQuery.firstPage(5), NONE).groups().equals(
                    c.groups(GroupsQuery.firstPage(5), NONE).groups()));
        }
    }

    @Test
    void aHundredThousandGroupsStartFastAndPageFast() throws Exception {
        long t0 = System.nanoTime();
        try (DemoServer big = DemoServer.start(DemoServer.Options.defaults().withGroups(100_000).withLive(0, 1000))) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(startMs < 2000, "started in " + startMs + " ms");
            GlowClient c = new GlowClient(GlowConnection.of(big.url(), big.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.NONE);
            GroupsPage p = c.groups(GroupsQuery.firstPage(500), NONE);
            assertEquals(100_000L, p.totalCount());
            p = c.groups(new GroupsQuery(500, null, null, null, null).withPageToken(p.nextPageToken()), NONE);
            assertEquals(500, p.groups().size());
        }
    }
}
