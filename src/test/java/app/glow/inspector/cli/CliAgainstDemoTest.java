package app.glow.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliAgainstDemoTest {
    static DemoServer server;
    static Map<String, String> env;
    static GlowClient client;
    static String groupId;
    static String videoId;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(DemoServer.Options.defaults().withLive(0, 200));
        env = Map.of("GLOW_INSTANCE_URL", server.url(), "GLOW_TOKEN", server.token());
        client = new GlowClient(GlowConnection.of(server.url(), server.token()), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        groupId = client.groups(GroupsQuery.firstPage(1), Cancellation.none()).groups().get(0).groupId();
        var d = client.groupDetail(groupId, 0, 500, Cancellation.none());
        videoId = d.runs().stream().flatMap(r -> r.messages().stream()).flatMap(m -> m.videoUploadIds().stream())
                .findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jsonGoesToStdoutExactlyAsTheServerSentIt() throws Exception {
        String body = "{\"group_id\": \"" + groupId + "\", \"include_detail\": true, \"message_limit\": 5}";
        CliRun r = CliRun.run(env, "system", "group", "--body", body);
        assertEquals(0, r.exit(), r.err());
        byte[] direct = client.postRaw("/system/group", body.getBytes(), Cancellation.none());
        assertEquals(new String(direct) + "\n", r.text());

        CliRun pretty = CliRun.run(env, "system", "group", "--body", body, "--pretty");
        assertTrue(pretty.text().contains("\n  \"group_id\" : "), pretty.text());
        assertEquals(json.readTree(direct), json.readTree(pretty.out()));
    }

    @Test
    void bodyFromAFileAndFromStdin(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("body.json");
        Files.writeString(f, "{\"group_id\": \"" + groupId + "\"}");
        CliRun a = CliRun.run(env, "system", "group", "--body", "@" + f);
        assertEquals(0, a.exit(), a.err());
        assertTrue(a.text().contains("\"group_exists\":true"));
        CliRun b = CliRun.run(env, false, "{\"group_id\": \"" + groupId + "\"}", "system", "group", "--body", "-");
        assertEquals(a.text(), b.text());
    }

    @Test
    void allPagesVisitsEveryGroupOnceAsNdjson() throws Exception {
        CliRun r = CliRun.run(env, "system", "groups", "--body", "{\"page_size\": 37}", "--all-pages");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.text().split("\n");
        assertEquals(500, lines.length);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode g = json.readTree(line);
            assertTrue(ids.add(g.get("group_id").asText()));
        }
    }

    @Test
    void downloadsAreByteExactWithRangesAndOut(@TempDir Path dir) throws Exception {
        var whole = new ByteArrayOutputStream();
        client.download(MediaKind.VIDEO, videoId, null, whole, Cancellation.none());
        String body = "{\"video_upload_id\": \"" + videoId + "\"}";
        CliRun piped = CliRun.run(env, "system", "video_download", "--body", body);
        assertEquals(0, piped.exit(), piped.err());
        assertArrayEquals(whole.toByteArray(), piped.out());

        CliRun range = CliRun.run(env, "system", "video_download", "--body", body, "--range", "100-199");
        assertArrayEquals(Arrays.copyOfRange(whole.toByteArray(), 100, 200), range.out());

        Path out = dir.resolve("clip.mp4");
        CliRun file = CliRun.run(env, true, "", "system", "video_download", "--body", body, "--out", out.toString());
        assertEquals(0, file.exit(), file.err());
        assertArrayEquals(whole.toByteArray(), Files.readAllBytes(out));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temp file left behind");
        }
    }

    @Test
    void binaryIsNotPrintedToATerminal() {
        CliRun r = CliRun.run(env, true, "", "system", "video_download", "--body",
                "{\"video_upload_id\": \"" + videoId + "\"}");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--out"), r.err());
        assertEquals(0, r.out().length);
    }

    @Test
    void aFailedDownloadLeavesNoFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("missing.bin");
        CliRun r = CliRun.run(env, "system", "file_download", "--body",
                "{\"file_upload_id\": \"00000000-0000-4000-8000-000000000000\"}", "--out", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("glow: HTTP 404 not_found: "), r.err());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing at the target, no temp file");
        }
    }

    @Test
    void exportWritesAZip(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("g.zip");
        CliRun r = CliRun.run(env, "system", "export", "--body", "{\"target_group_id\": \"" + groupId + "\"}",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(out))) {
            assertEquals("manifest.json", z.getNextEntry().getName());
        }
    }

    @Test
    void refreshAndWatch() throws Exception {
        CliRun r = CliRun.run(env, "system", "refresh");
        assertEquals(0, r.exit(), r.err());
        assertEquals("{\"refreshed\":true}\n", r.text());

        Thread stepper = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    return;
                }
                server.stepLiveGeneration();
            }
        });
        stepper.start();
        CliRun w = CliRun.run(env, "system", "watch", "--max-events", "3");
        stepper.interrupt();
        assertEquals(0, w.exit(), w.err());
        String[] lines = w.text().split("\n");
        assertEquals(3, lines.length, w.text());
        JsonNode first = json.readTree(lines[0]);
        assertTrue(first.get("event").asText().startsWith("Generation"));
        assertTrue(first.get("data").has("group_id"));
        assertFalse(first.get("id").asText().isEmpty());
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        CliRun bad = CliRun.run(env, "system", "group", "--body", "{\"group_id\": ");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("glow: --body is not valid JSON"), bad.err());
        CliRun missing = CliRun.run(env, "system", "group", "--body", "{\"include_detail\": true}");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("\"group_id\""), missing.err());
        CliRun export = CliRun.run(env, "system", "export", "--body", "{}");
        assertTrue(export.err().contains("target_group_id"), export.err());
        CliRun size = CliRun.run(env, "system", "groups", "--body", "{\"page_size\": 9000}");
        assertEquals(2, size.exit());
        CliRun unknown = CliRun.run(env, "system", "frobnicate");
        assertEquals(2, unknown.exit());
        CliRun noUrl = CliRun.run(Map.of(), "system", "groups");
        assertEquals(2, noUrl.exit());
        assertTrue(noUrl.err().contains("GLOW_INSTANCE_URL"), noUrl.err());
    }

    @Test
    void serverRefusalsExitWithOneAndOneClearLine() {
        CliRun r = CliRun.run(Map.of("GLOW_INSTANCE_URL", server.url(), "GLOW_TOKEN", "wrong"), "system", "groups");
        assertEquals(1, r.exit());
        assertEquals("glow: HTTP 401 unauthorized: A valid bearer token is required.\n", r.err());
    }

    @Test
    void tokenFileWorksAndThereIsNoTokenOption(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, server.token() + "\n");
        CliRun r = CliRun.run(Map.of(), "system", "refresh", "--url", server.url(), "--token-file", token.toString());
        assertEquals(0, r.exit(), r.err());
        CliRun t = CliRun.run(env, "system", "refresh", "--token", "x");
        assertEquals(2, t.exit(), "no --token option");
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String cmd : new String[] {"group", "groups", "export", "refresh", "watch", "audio_download",
            "image_download", "video_download", "file_download", "text_download"}) {
            CliRun r = CliRun.run(env, "system", cmd, "--help");
            assertEquals(0, r.exit(), cmd);
            assertTrue(r.text().contains("Examples:"), cmd + ": " + r.text());
            assertTrue(r.text().contains("--body"), cmd);
        }
        CliRun root = CliRun.run(env, "--help");
        assertTrue(root.text().contains("system") && root.text().contains("demo-server"), root.text());
        CliRun v = CliRun.run(env, "--version");
        assertTrue(v.text().startsWith("glow "), v.text());
    }

    @Test
    void severalGroupsExportToOneVerifiedArchive(@TempDir Path dir) throws Exception {
        var page = client.groups(GroupsQuery.firstPage(3), Cancellation.none()).groups();
        String ids = page.get(0).groupId() + "," + page.get(2).groupId();
        Path out = dir.resolve("two.zip");
        CliRun r = CliRun.run(env, "export", "--ids", ids, "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        try (var a = app.glow.inspector.archive.ArchiveSource.open(out)) {
            assertEquals(2, a.manifest().groups().size());
            assertFalse(a.manifest().files().isEmpty());
        }
        CliRun bad = CliRun.run(env, "export", "--ids", "nope", "--out", dir.resolve("x.zip").toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("nothing was written"), bad.err());
        assertFalse(Files.exists(dir.resolve("x.zip")));
    }
}
