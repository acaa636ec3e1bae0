package app.glow.inspector.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile server's export: ids that would climb out of the archive, a group.json of another
 * group, media the manifest does not list or that differ from it. Each ends in a clear refusal
 * (or an archive holding only what was verified) and leaves no file behind.
 */
@Timeout(30)
class HostileExportTest {
    static final String GROUP = "{\"group_exists\": true, \"group_id\": \"%s\", \"group_name\": \"G\", "
            + "\"total_message_count\": 0, \"runs\": []}";
    MockWebServer server;
    ArchiveExporter exporter;
    @TempDir
    Path dir;
    Path target;
    long spoolsBefore;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        GlowClient client = new GlowClient(GlowConnection.of(server.url("/").toString(), "tok-0123456789"),
                GlowHttp.newClient(), GlowJson.newMapper(), RetryPolicy.NONE);
        exporter = new ArchiveExporter(new RemoteSource(client, "hostile", false, null));
        target = dir.resolve("out.zip");
        spoolsBefore = spools();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        assertEquals(spoolsBefore, spools(), "the private spool folder was removed");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no .part left");
        }
    }

    static long spools() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("glow-export-")).count();
        }
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** A ZIP of the given entries, in order. */
    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String manifest(String group, String... pathShaSize) {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < pathShaSize.length; i += 3) {
            String[] p = pathShaSize[i].split("/");
            files.add("{\"path\": \"" + pathShaSize[i] + "\", \"kind\": \"" + p[3] + "\", \"upload_id\": \"" + p[4]
                    + "\", \"sha256\": \"" + pathShaSize[i + 1] + "\", \"size\": " + pathShaSize[i + 2] + "}");
        }
        return "{\"format\": \"glow-group-export\", \"version\": 1, \"groups\": [\"" + group + "\"], \"files\": ["
                + String.join(", ", files) + "]}";
    }

    void serve(byte[] zip) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/zip")
                .body(new Buffer().write(zip)).build());
    }

    String refusal(String... ids) {
        Exception e = assertThrows(Exception.class, () -> exporter.export(List.of(ids), ArchiveExporter.Options.DEFAULT,
                target, (a, b, c) -> { }, Cancellation.none()));
        assertFalse(Files.exists(target), "nothing at the target");
        return e.getMessage();
    }

    @Test
    void idsThatWouldClimbOutOfTheArchiveAreRefusedBeforeAnyRequest() {
        for (String id : List.of("../../../../tmp/x", "a/b", "..", "C:evil", "g\u0000", "", "-x")) {
            String m = refusal(id);
            assertTrue(m.contains("cannot name a file in an archive"), m);
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aGroupJsonOfAnotherGroupIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", manifest("g1").getBytes(StandardCharsets.UTF_8));
        entries.put("groups/g1/group.json", String.format(GROUP, "../../../../tmp/evil").getBytes(StandardCharsets.UTF_8));
        serve(zip(entries));
        String m = refusal("g1");
        assertTrue(m.contains("another group") && m.contains("../../../../tmp/evil"), m);
    }

    @Test
    void anEntryPathThatClimbsIsRefused() throws Exception {
        serve(zip(Map.of("groups/../../../../tmp/x/group.json", "{}".getBytes(StandardCharsets.UTF_8))));
        assertTrue(refusal("g1").contains("unsafe path"));
    }

    @Test
    void onlyMediaTheManifestListsAndVerifiesAreIncluded() throws Exception {
        byte[] listed = "listed image bytes".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("groups/g1/group.json", String.format(GROUP, "g1").getBytes(StandardCharsets.UTF_8));
        entries.put("groups/g1/media/image/i-1", listed);
        entries.put("groups/g1/media/image/i-2", "not listed".getBytes(StandardCharsets.UTF_8));
        entries.put("groups/g1/media/script.sh", "#!/bin/sh".getBytes(StandardCharsets.UTF_8));
        entries.put("groups/g2/group.json", String.format(GROUP, "g2").getBytes(StandardCharsets.UTF_8));
        entries.put("manifest.json", manifest("g1", "groups/g1/media/image/i-1", sha(listed), "" + listed.length)
                .getBytes(StandardCharsets.UTF_8));
        serve(zip(entries));
        exporter.export(List.of("g1"), ArchiveExporter.Options.DEFAULT, target, (a, b, c) -> { }, Cancellation.none());
        try (ZipFile z = new ZipFile(target.toFile())) {
            List<String> names = z.stream().map(ZipEntry::getName).sorted().toList();
            assertEquals(List.of("groups/g1/group.json", "groups/g1/media/image/i-1", "manifest.json"), names);
            String ours = new String(z.getInputStream(z.getEntry("manifest.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(ours.contains(sha(listed)) && !ours.contains("i-2"), ours);
        }
    }

    @Test
    void aListedFileThatDiffersOrIsMissingRefusesTheExport() throws Exception {
        byte[] bytes = "image".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> damaged = new LinkedHashMap<>();
        damaged.put("manifest.json", manifest("g1", "groups/g1/media/image/i-1", sha("other".getBytes()), "5")
                .getBytes(StandardCharsets.UTF_8));
        damaged.put("groups/g1/group.json", String.format(GROUP, "g1").getBytes(StandardCharsets.UTF_8));
        damaged.put("groups/g1/media/image/i-1", bytes);
        serve(zip(damaged));
        assertTrue(refusal("g1").contains("does not match"));

        Map<String, byte[]> missing = new LinkedHashMap<>(damaged);
        missing.remove("groups/g1/media/image/i-1");
        serve(zip(missing));
        assertTrue(refusal("g1").contains("does not hold it"));

        Map<String, byte[]> climbing = new LinkedHashMap<>(damaged);
        climbing.put("manifest.json", manifest("g1", "groups/g1/media/image/a..b/c", sha(bytes), "5")
                .getBytes(StandardCharsets.UTF_8));
        serve(zip(climbing));
        assertTrue(refusal("g1").contains("not media/<kind>/<upload id>"));

        Map<String, byte[]> noManifest = new LinkedHashMap<>(damaged);
        noManifest.remove("manifest.json");
        serve(zip(noManifest));
        assertTrue(refusal("g1").contains("no manifest.json"));
    }

    @Test
    void whenTheServerBuildsNoExportAnUnsafeUploadIdIsRefused() {
        server.enqueue(new MockResponse.Builder().code(404)
                .body("{\"error\": {\"code\": \"not_found\", \"message\": \"no export\"}}").build());
        String detail = "{\"group_exists\": true, \"group_id\": \"g1\", \"group_name\": \"G\", "
                + "\"total_message_count\": 1, \"runs\": [{\"run\": {\"id\": \"r1\"}, \"messages\": [{\"id\": \"m1\", "
                + "\"role\": \"user\", \"image_upload_ids\": [\"../../../../tmp/x\"]}]}]}";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(detail).build());
        String m = refusal("g1");
        assertTrue(m.contains("upload id") && m.contains("../../../../tmp/x"), m);
    }
}
