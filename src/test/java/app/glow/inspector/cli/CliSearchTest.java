package app.glow.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.archive.ArchiveExporter;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glow index} and {@code glow search} in-process, on an exported archive and on the demo instance. */
class CliSearchTest {
    @TempDir
    static Path dir;
    static DemoServer server;
    static Map<String, String> env;
    static List<String> ids;
    static Path zip;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(DemoServer.Options.defaults().withLive(0, 1000));
        env = new HashMap<>(Map.of("GLOW_INSTANCE_URL", server.url(), "GLOW_TOKEN", server.token(),
                "XDG_CACHE_HOME", dir.resolve("cache").toString()));
        GlowClient client = new GlowClient(GlowConnection.of(server.url(), server.token()), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        List<GroupSummary> page = client.groups(GroupsQuery.firstPage(12), Cancellation.none()).groups();
        ids = List.of(page.get(5).groupId(), page.get(9).groupId(), page.get(11).groupId());
        zip = dir.resolve("three.zip");
        new ArchiveExporter(new RemoteSource(client, "demo", true, null)).export(ids,
                ArchiveExporter.Options.DEFAULT, zip, (a, b, c) -> { }, Cancellation.none());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    List<JsonNode> lines(CliRun r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : r.text().split("\n")) {
            if (!l.isBlank()) {
                out.add(json.readTree(l));
            }
        }
        return out;
    }

    @Test
    void anArchiveIsIndexedOnceAndSearchedAsNdjson() throws Exception {
        Map<String, String> offline = Map.of("XDG_CACHE_HOME", dir.resolve("cache-offline").toString());
        CliRun index = CliRun.run(offline, "index", "--archive", zip.toString());
        assertEquals(0, index.exit(), index.err());
        List<JsonNode> groups = lines(index);
        assertEquals(3, groups.size());
        for (JsonNode g : groups) {
            assertTrue(ids.contains(g.get("group_id").asText()));
            assertEquals("indexed", g.get("status").asText());
        }
        CliRun again = CliRun.run(offline, "index", "--archive", zip.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals("", again.text());
        assertTrue(again.err().contains("already indexed"), again.err());

        CliRun search = CliRun.run(offline, "search", "--archive", zip.toString(), "\"teaching assistant\" role:system");
        assertEquals(0, search.exit(), search.err());
        List<JsonNode> hits = lines(search);
        assertFalse(hits.isEmpty());
        for (JsonNode h : hits) {
            assertTrue(ids.contains(h.get("group_id").asText()));
            assertEquals("system", h.get("role").asText());
            assertFalse(h.get("message_id").asText().isEmpty());
            String snippet = h.get("snippet").asText();
            JsonNode first = h.get("matches").get(0);
            assertEquals("teaching assistant", snippet.substring(first.get(0).asInt(), first.get(1).asInt()).toLowerCase());
        }
        assertTrue(search.err().contains(hits.size() + " hits"), search.err());

        CliRun counts = CliRun.run(offline, "search", "--archive", zip.toString(), "--groups", "role:user");
        assertEquals(0, counts.exit(), counts.err());
        List<JsonNode> perGroup = lines(counts);
        assertEquals(3, perGroup.size());
        assertTrue(perGroup.stream().allMatch(g -> g.get("count").asInt() > 0));

        CliRun none = CliRun.run(offline, "search", "--archive", zip.toString(), "zyzzyvaqx");
        assertEquals(0, none.exit(), none.err());
        assertEquals("", none.text());
        assertTrue(none.err().contains("0 hits"), none.err());
    }

    @Test
    void anUnreadableSearchExitsTwoWithOneReadableLine() {
        for (String q : List.of("\"unbalanced", "*", "role:", "x".repeat(3000), "nosuch:filter")) {
            CliRun r = CliRun.run(env, "search", "--archive", zip.toString(), q);
            assertEquals(2, r.exit(), r.err());
            assertEquals("", r.text());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("glow: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void aLiveInstanceIsSearchedInWhatIsIndexed() throws Exception {
        Map<String, String> own = new HashMap<>(env);
        own.put("XDG_CACHE_HOME", dir.resolve("cache-live").toString());
        CliRun empty = CliRun.run(own, "search", "role:user");
        assertEquals(1, empty.exit());
        assertTrue(empty.err().contains("nothing is indexed"), empty.err());

        CliRun index = CliRun.run(own, "index", "--ids", String.join(",", ids.subList(0, 2)));
        assertEquals(0, index.exit(), index.err());
        assertEquals(2, lines(index).size());
        CliRun search = CliRun.run(own, "search", "--groups", "role:user");
        assertEquals(0, search.exit(), search.err());
        assertEquals(2, lines(search).size(), "only the indexed groups");

        CliRun more = CliRun.run(own, "search", "--ids", String.join(",", ids), "--groups", "role:user");
        assertEquals(0, more.exit(), more.err());
        assertEquals(3, lines(more).size(), "the third group indexed first, the two others unchanged");

        CliRun usage = CliRun.run(own, "index");
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("--archive FILE, --ids ID,... or --all"), usage.err());
    }
}
