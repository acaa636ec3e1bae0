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
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export writes each media file once, straight into the archive: no spool folder, no file
 * beside the archive's own {@code .part}, the bytes checked against the server's SHA-256 as they
 * pass, and a refused or cut export leaves nothing behind.
 */
@Timeout(60)
class OnePassExportTest {
    /** Three MiB and a bit: a large file goes round the reader's 4 MiB ring in several pieces. */
    static final int BIG = 3 * (1 << 20) + 12_345;

    @TempDir
    Path dir;

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static List<String> leftovers(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aServerExportSpoolsNothingAndWritesEachMediaFileOnce() throws Exception {
        Path video = dir.resolve("video.bin");
        Files.write(video, random(BIG, 1));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path target = out.resolve("media.zip");
        long spoolsBefore = HostileExportTest.spools();
        List<String> seen = new ArrayList<>();
        try (DemoServer demo = DemoServer.start(DemoServer.Options.defaults().withLive(0, 1000)
                .withVideoFile(video))) {
            GlowClient client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.NONE);
            RemoteSource live = new RemoteSource(client, "demo", true, null);
            List<GroupSummary> page = live.groups(GroupsQuery.firstPage(10), Cancellation.none()).groups();
            List<String> ids = List.of(page.get(0).groupId(), page.get(8).groupId());
            new ArchiveExporter(live).export(ids, ArchiveExporter.Options.DEFAULT, target, (done, total, bytes) -> {
                try {
                    // mid-export: the archive's own .part and nothing else, and no spool folder at all
                    seen.add(done + ": " + leftovers(out) + ", spool folders " + (HostileExportTest.spools()
                            - spoolsBefore));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, Cancellation.none());
        }
        assertEquals(3, seen.size(), seen.toString());
        for (String s : seen) {
            assertTrue(s.matches("\\d: \\[\\.media\\.zip\\.\\d+\\.part\\], spool folders 0"), s);
        }
        assertEquals(List.of("media.zip"), leftovers(out));
        try (ArchiveSource a = ArchiveSource.open(target)) { // checks every file against its manifest SHA-256
            List<ExportManifest.ExportFile> media = a.manifest().files();
            assertTrue(media.stream().filter(f -> "video".equals(f.kind())).allMatch(f -> f.size() == BIG),
                    "videos whole");
            assertTrue(media.stream().anyMatch(f -> "video".equals(f.kind())), "some videos");
        }
        try (ZipFile z = new ZipFile(target.toFile())) {
            ZipEntry e = z.stream().filter(x -> x.getName().contains("/media/video/")).findFirst().orElseThrow();
            assertEquals(ZipEntry.STORED, e.getMethod());
            assertEquals(BIG, e.getSize(), "the stored entry's size, patched in after its bytes");
            assertEquals(HostileExportTest.sha(random(BIG, 1)), HostileExportTest.sha(z.getInputStream(e)
                    .readAllBytes()));
        }
    }

    /** A server whose export is the given entries, in order, with one more response effect. */
    HostileExportTest hostile(Map<String, byte[]> entries, SocketEffect duringBody) throws Exception {
        HostileExportTest t = new HostileExportTest();
        t.dir = dir;
        t.start();
        MockResponse.Builder b = new MockResponse.Builder().code(200).addHeader("Content-Type", "application/zip")
                .body(new Buffer().write(HostileExportTest.zip(entries)));
        if (duringBody != null) {
            b.onResponseBody(duringBody);
        }
        t.server.enqueue(b.build());
        return t;
    }

    static Map<String, byte[]> export(String manifest, byte[] media) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        entries.put("groups/g1/group.json", String.format(HostileExportTest.GROUP, "g1")
                .getBytes(StandardCharsets.UTF_8));
        entries.put("groups/g1/media/video/v-1", media);
        return entries;
    }

    @Test
    void aLargeFileThatDiffersFromTheServersSha256IsRefused() throws Exception {
        byte[] media = random(BIG, 2);
        byte[] flipped = media.clone();
        flipped[BIG / 2] ^= 1;
        HostileExportTest t = hostile(export(HostileExportTest.manifest("g1", "groups/g1/media/video/v-1",
                HostileExportTest.sha(flipped), "" + BIG), media), null);
        try {
            String m = t.refusal("g1");
            assertTrue(m.contains("damaged") && m.contains("does not match its size and SHA-256"), m);
        } finally {
            t.stop(); // also checks: no spool folder left, no .part
        }
        assertEquals(List.of(), leftovers(dir));
    }

    @Test
    void aFileLongerThanListedIsRefusedOnTheWay() throws Exception {
        byte[] media = random(BIG, 3);
        HostileExportTest t = hostile(export(HostileExportTest.manifest("g1", "groups/g1/media/video/v-1",
                HostileExportTest.sha(media), "" + (1 << 20)), media), null);
        try {
            assertTrue(t.refusal("g1").contains("does not match its size and SHA-256"));
        } finally {
            t.stop();
        }
        assertEquals(List.of(), leftovers(dir));
    }

    @Test
    void aDroppedConnectionFailsInWordsAndLeavesNoFile() throws Exception {
        byte[] media = random(BIG, 4);
        HostileExportTest t = hostile(export(HostileExportTest.manifest("g1", "groups/g1/media/video/v-1",
                HostileExportTest.sha(media), "" + BIG), media), new SocketEffect.CloseSocket());
        try {
            Exception e = assertThrows(Exception.class, () -> t.exporter.export(List.of("g1"),
                    ArchiveExporter.Options.DEFAULT, t.target, (a, b, c) -> { }, Cancellation.none()));
            assertTrue(e.getMessage().contains("broke off before its end"), e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
            assertFalse(Files.exists(t.target));
        } finally {
            t.stop();
        }
        assertEquals(List.of(), leftovers(dir));
    }
}
