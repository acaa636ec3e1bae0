package app.glow.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.source.Cancellation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glow compare A B} against the demo instance: the JSON deltas, an archive side, the HTML. */
class CliCompareTest {
    static DemoServer server;
    static Map<String, String> env;
    static GlowClient client;
    static String a;
    static String b;
    final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(DemoServer.Options.defaults().withLive(0, 200));
        env = Map.of("GLOW_INSTANCE_URL", server.url(), "GLOW_TOKEN", server.token());
        client = new GlowClient(GlowConnection.of(server.url(), server.token()), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        a = find("model comparison A");
        b = find("model comparison B");
    }

    static String find(String name) throws Exception {
        return client.groups(new GroupsQuery(5, null, name, null, null), Cancellation.none()).groups().get(0).groupId();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static BigDecimal cost(String id) throws Exception {
        GroupDetail d = client.groupDetail(id, 0, 1, Cancellation.none());
        return d.runs().stream().map(r -> r.run().cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void printsTheSummaryDeltasAsJsonWithExactCosts() throws Exception {
        CliRun r = CliRun.run(env, "compare", a, b);
        assertEquals(0, r.exit(), r.err());
        JsonNode root = json.readTree(r.out());
        assertEquals(a, root.path("a").path("group_id").asText());
        assertEquals(b, root.path("b").path("group_id").asText());
        JsonNode runs = root.path("deltas").path("runs");
        assertEquals(4, runs.path("a").asInt());
        assertEquals(5, runs.path("b").asInt());
        assertEquals(1, runs.path("delta").asInt());
        assertEquals(1, runs.path("sign").asInt());
        assertEquals(0, new BigDecimal("25.00").compareTo(runs.path("percent").decimalValue()));
        assertTrue(r.text().contains("\"percent\":25.00"), "percent keeps its two decimals: " + r.text());
        JsonNode cost = root.path("deltas").path("cost");
        assertTrue(cost.isObject() && cost.path("delta").isNumber(), cost.toString());
        BigDecimal ca = cost(a);
        BigDecimal cb = cost(b);
        assertEquals(0, ca.compareTo(cost.path("a").decimalValue()));
        assertEquals(0, cb.subtract(ca).compareTo(cost.path("delta").decimalValue()));
        // printed plain, never 1.2E-4
        var costText = java.util.regex.Pattern.compile("\"cost\":\\{[^}]*}").matcher(r.text());
        assertTrue(costText.find(), r.text());
        assertFalse(costText.group().matches("(?s).*\\d[eE][-+]?\\d.*"), costText.group());
        assertEquals("gpt-4o-mini", root.path("models").path("only_a").get(0).asText());
        assertEquals("claude-sonnet-4", root.path("models").path("only_b").get(0).asText());
        assertEquals("read_file", root.path("tool_calls").path("templates").path("only_a").get(0).asText());
        assertTrue(root.path("tool_calls").path("by_template").path("search_course_notes").path("percent").isNull());
    }

    @Test
    void eitherSideMayComeFromAnArchiveAndHtmlIsWritten(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("b.zip");
        CliRun export = CliRun.run(env, "export", "--ids", b, "--out", zip.toString());
        assertEquals(0, export.exit(), export.err());
        Path html = dir.resolve("cmp.html");
        CliRun r = CliRun.run(env, "compare", "--archive-b", zip.toString(), a, b, "--html", html.toString());
        assertEquals(0, r.exit(), r.err());
        CliRun live = CliRun.run(env, "compare", a, b);
        assertEquals(json.readTree(live.out()), json.readTree(r.out()));
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<ins>") && page.contains("<del>") && page.contains("class=\"gap\""));
    }

    @Test
    void anUnknownGroupFailsWithAPlainMessage() {
        CliRun r = CliRun.run(env, "compare", a, "no-such-group");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("glow: compare failed: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(0, r.out().length);
    }

    @Test
    void withoutAnInstanceItSaysHowToNameOne() {
        CliRun r = CliRun.run(Map.of(), "compare", a, b);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("GLOW_INSTANCE_URL"), r.err());
    }
}
