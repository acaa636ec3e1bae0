package app.glow.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --all-pages} copies each group's tokens to NDJSON as they arrive: the lines must be the
 * bytes that parsing each page into a tree and writing each group again gave, a page that breaks
 * off prints nothing of itself, and all pages travel over one kept-alive connection.
 */
@Timeout(30)
class CliAllPagesTest {
    static final String TOKEN = "glwCliAllPagesToken0123456789";
    // numbers in every notation, escapes, non-ASCII, nesting, nulls: what a copy could alter
    static final String PAGE_1 = "{\"next_page_token\": \"t-2\", \"total_count\": 4, \"groups\": ["
            + "{\"group_id\": \"g1\", \"cost\": 0.0871302, \"tiny\": 1e-7, \"big\": 1.5E+3, \"scale\": 1.50,"
            + " \"neg\": -0.0, \"huge\": 123456789012345678901234567890, \"long\": 9007199254740993,"
            + " \"name\": \"Ünïcode ✓ 😀 \\\"quoted\\\" \\\\ \\n\\t\\u0001 \\u00e9\\ud83d\\ude00\", \"none\": null,"
            + " \"ok\": true, \"nested\": {\"a\": [1, 2.25, [], {}], \"b\": {\"c\": [false, null]}}},"
            + "  {\"group_id\":\"g2\",\"model_ids\":[\"m-1\",\"m-2\"],\"cost\":0}],"
            + " \"models\": [{\"model_id\": \"m-1\", \"name\": \"x\"}]}";
    static final String PAGE_2 = "{\"groups\": [{\"group_id\": \"g3\", \"cost\": 12.000},"
            + " {\"group_id\": \"g4\", \"cost\": 3.14159265358979323846264338327950288}], \"next_page_token\": null}";

    MockWebServer server;
    Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        env = Map.of("GLOW_INSTANCE_URL", server.url("/").toString(), "GLOW_TOKEN", TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** What the CLI printed before it streamed: each group of the parsed tree, written again. */
    static byte[] treePrinted(String... pages) throws Exception {
        ObjectMapper m = GlowJson.newMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        var out = new ByteArrayOutputStream();
        for (String page : pages) {
            for (JsonNode g : m.readTree(page).path("groups")) {
                out.write(m.writeValueAsBytes(g));
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    @Test
    void linesAreByteForByteWhatTheTreePrintingGave() throws Exception {
        server.enqueue(json(PAGE_1));
        server.enqueue(json(PAGE_2));
        CliRun r = CliRun.run(env, "system", "groups", "--all-pages", "--body", "{\"page_size\": 2}");
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(treePrinted(PAGE_1, PAGE_2), r.out(), r.text());
        assertEquals(4, r.text().lines().count());
        assertTrue(r.text().contains("\"tiny\":0.0000001"), r.text());
        assertTrue(r.text().contains("\"scale\":1.50"), r.text());
    }

    @Test
    void allPagesShareOneConnection() throws Exception {
        server.enqueue(json(PAGE_1));
        server.enqueue(json(PAGE_2));
        CliRun r = CliRun.run(env, "system", "groups", "--all-pages");
        assertEquals(0, r.exit(), r.err());
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertEquals(first.getConnectionIndex(), second.getConnectionIndex());
        assertEquals(1, second.getExchangeIndex(), "the second page reused the first page's connection");
        assertTrue(second.getBody().utf8().contains("\"page_token\":\"t-2\""), second.getBody().utf8());
    }

    @Test
    void aPageThatBreaksOffPrintsNothingOfItself() throws Exception {
        server.enqueue(json(PAGE_1));
        server.enqueue(json("{\"groups\": [{\"group_id\": \"g3\"}, {\"group_id\": \"g"));
        CliRun r = CliRun.run(env, "system", "groups", "--all-pages");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("not complete JSON"), r.err());
        assertArrayEquals(treePrinted(PAGE_1), r.out(), r.text());
    }

    @Test
    void trailingDataAfterAPageIsRefused() {
        server.enqueue(json(PAGE_2 + " {}"));
        CliRun r = CliRun.run(env, "system", "groups", "--all-pages");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("not complete JSON"), r.err());
        assertEquals(0, r.out().length, new String(r.out(), StandardCharsets.UTF_8));
    }

    @Test
    void aGroupsFieldSentTwiceCountsOnceAndAnAnswerThatIsNoPageEnds() throws Exception {
        String twice = "{\"groups\": [{\"group_id\": \"old\"}], \"next_page_token\": \"n\","
                + " \"groups\": [{\"group_id\": \"new\"}]}";
        server.enqueue(json(twice));
        server.enqueue(json("[1, 2, 3]"));
        CliRun r = CliRun.run(env, "system", "groups", "--all-pages");
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(treePrinted(twice), r.out(), r.text());
        assertEquals(2, server.getRequestCount());
    }
}
