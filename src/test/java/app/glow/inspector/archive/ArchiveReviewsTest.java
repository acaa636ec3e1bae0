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
import app.glow.inspector.model.Message;
import app.glow.inspector.review.Annotation;
import app.glow.inspector.review.GroupReview;
import app.glow.inspector.review.ReviewImport;
import app.glow.inspector.review.ReviewStatus;
import app.glow.inspector.review.ReviewsFile;
import app.glow.inspector.review.SqliteReviewStore;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives carry reviews: export from the demo instance with annotations, open the archive, the
 * same annotations; annotate the archive and export again, both; importing twice adds nothing;
 * pseudonymized archives name no reviewer; a tampered or malformed reviews.json is refused.
 */
class ArchiveReviewsTest {
    static DemoServer demo;
    static RemoteSource live;
    static String g1;
    static String g2;
    static String m1;

    @TempDir
    Path dir;

    private final Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
    private final ObjectMapper mapper = GlowJson.newMapper();

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(DemoServer.Options.defaults().withLive(0, 1000));
        GlowClient client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        live = new RemoteSource(client, "demo", true, null);
        List<GroupSummary> page = live.groups(GroupsQuery.firstPage(5), Cancellation.none()).groups();
        g1 = page.get(0).groupId();
        g2 = page.get(2).groupId();
        List<Message> ms = live.detail(g1, 0, 20, Cancellation.none()).runs().stream()
                .flatMap(r -> r.messages().stream()).toList();
        m1 = ms.get(3).id();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** Three annotations by two reviewers and a status, on the demo instance's key. */
    private List<Annotation> annotate(SqliteReviewStore store) throws Exception {
        String key = live.sourceKey();
        List<Annotation> made = List.of(
                Annotation.create(key, g1, m1, "Possible misconduct", "<script>alert(1)</script> copied answer",
                        "Quill Abernathy", t0),
                Annotation.create(key, g1, null, null, "whole group looks scripted", "Ximena Thorsby", t0.plusSeconds(1)),
                Annotation.create(key, g2, null, "Cost anomaly", "run 3 is very long", " quill abernathy",
                        t0.plusSeconds(2)));
        for (Annotation a : made) {
            store.save(a);
        }
        store.setStatus(new GroupReview(key, g1, ReviewStatus.ESCALATED, "Quill Abernathy", t0.plusSeconds(3)));
        return made;
    }

    private Path export(app.glow.inspector.service.GroupSource from, SqliteReviewStore store, boolean pseudonymize,
                        String name) throws Exception {
        Path zip = dir.resolve(name);
        new ArchiveExporter(from, store, null).export(List.of(g1, g2), new ArchiveExporter.Options(false, pseudonymize),
                zip, (a, b, c) -> { }, Cancellation.none());
        return zip;
    }

    /** What matters of an annotation, without the source key (which differs by design). */
    private static List<List<Object>> content(List<Annotation> as) {
        return as.stream().map(a -> List.<Object>of(a.id(), a.groupId(), String.valueOf(a.messageId()),
                String.valueOf(a.category()), a.note(), a.reviewer(), a.created(), a.updated())).toList();
    }

    @Test
    void reviewsTravelThroughAnArchiveAndBackWithoutDuplicates() throws Exception {
        try (SqliteReviewStore store = SqliteReviewStore.open(dir.resolve("mine.db"))) {
            List<Annotation> made = annotate(store);
            Path zip = export(live, store, false, "reviewed.zip");
            try (ArchiveSource archive = ArchiveSource.open(zip)) {
                ExportManifest.ExportFile entry = archive.manifest().files().stream()
                        .filter(ExportManifest.ExportFile::isReviews).findFirst().orElseThrow();
                assertEquals("reviews.json", entry.path());
                assertEquals("reviews", entry.kind());
                assertEquals(64, entry.sha256().length());
                ReviewsFile carried = archive.reviews().orElseThrow();
                assertEquals(3, carried.annotations().size());
                assertEquals(1, carried.statuses().size());

                ReviewImport.Result first = ReviewImport.importFrom(archive, store);
                assertTrue(first.sourceKey().startsWith("sha256:"), first.sourceKey());
                assertEquals(3, first.added());
                assertEquals(content(made.subList(0, 2)), content(store.annotations(first.sourceKey(), g1)));
                assertEquals(content(made.subList(2, 3)), content(store.annotations(first.sourceKey(), g2)));
                GroupReview status = store.status(first.sourceKey(), g1);
                assertEquals(ReviewStatus.ESCALATED, status.status());
                assertEquals("Quill Abernathy", status.reviewer());

                assertEquals(0, ReviewImport.importFrom(archive, store).added(), "the second import adds nothing");
                assertEquals(2, store.annotations(first.sourceKey(), g1).size());
                assertEquals(1, store.annotations(first.sourceKey(), g2).size());

                // a second reviewer adds a flag to the opened archive and exports it again
                Annotation added = Annotation.create(first.sourceKey(), g2, null, "OK", "checked again", "Sam Ito",
                        t0.plusSeconds(60));
                store.save(added);
                Path again = export(archive, store, false, "reviewed-again.zip");
                try (SqliteReviewStore other = SqliteReviewStore.open(dir.resolve("theirs.db"));
                     ArchiveSource second = ArchiveSource.open(again)) {
                    ReviewImport.Result r = ReviewImport.importFrom(second, other);
                    assertEquals(4, r.added());
                    List<Annotation> both = other.annotations(r.sourceKey(), g2);
                    assertEquals(List.of(made.get(2).id(), added.id()), both.stream().map(Annotation::id).toList());
                    assertEquals(content(made.subList(0, 2)), content(other.annotations(r.sourceKey(), g1)));
                    assertEquals(0, ReviewImport.importFrom(second, other).added());
                    assertEquals(2, other.annotations(r.sourceKey(), g2).size());
                }
            }
        }
    }

    @Test
    void anArchiveExportedWithoutAStoreHasNoReviews() throws Exception {
        Path zip = export(live, null, false, "plain.zip");
        try (ArchiveSource archive = ArchiveSource.open(zip);
             SqliteReviewStore store = SqliteReviewStore.open(dir.resolve("r.db"))) {
            assertTrue(archive.reviews().isEmpty());
            assertTrue(archive.manifest().files().stream().noneMatch(ExportManifest.ExportFile::isReviews));
            assertEquals(0, ReviewImport.importFrom(archive, store).added());
        }
    }

    @Test
    void pseudonymizedArchivesNameNoReviewer() throws Exception {
        try (SqliteReviewStore store = SqliteReviewStore.open(dir.resolve("mine.db"))) {
            annotate(store);
            Path zip = export(live, store, true, "anon.zip");
            Map<String, byte[]> entries = entries(zip);
            for (var e : entries.entrySet()) {
                String text = new String(e.getValue(), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
                assertFalse(text.contains("quill") || text.contains("abernathy") || text.contains("thorsby"),
                        e.getKey() + " names a reviewer");
            }
            String raw = new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1).toLowerCase();
            assertFalse(raw.contains("abernathy") || raw.contains("thorsby"), "not even in the ZIP's own bytes");
            try (ArchiveSource archive = ArchiveSource.open(zip)) {
                ReviewsFile f = archive.reviews().orElseThrow();
                Map<String, String> byNote = new LinkedHashMap<>();
                f.annotations().forEach(a -> byNote.put(a.note(), a.reviewer()));
                assertEquals("Reviewer 1", byNote.get("<script>alert(1)</script> copied answer"));
                assertEquals("Reviewer 2", byNote.get("whole group looks scripted"));
                assertEquals("Reviewer 1", byNote.get("run 3 is very long"), "the same person, the same name");
                assertEquals("Reviewer 1", f.statuses().get(0).reviewer());
            }
        }
    }

    @Test
    void aTamperedOrMalformedReviewsFileIsRefusedByName() throws Exception {
        Path zip;
        try (SqliteReviewStore store = SqliteReviewStore.open(dir.resolve("mine.db"))) {
            annotate(store);
            zip = export(live, store, false, "reviewed.zip");
        }
        // changed after export, manifest untouched: the SHA-256 no longer matches
        Path tampered = rewrite(zip, "tampered.zip", json -> json.replace("copied answer", "copied answes"), false);
        String msg = assertThrows(ArchiveException.class, () -> ArchiveSource.open(tampered)).getMessage();
        assertTrue(msg.contains("reviews.json") && msg.contains("SHA-256"), msg);

        // consistent hashes, but not a reviews file
        Path notJson = rewrite(zip, "broken.zip", json -> "{\"version\": 1, \"annotations\": [", true);
        msg = assertThrows(ArchiveException.class, () -> ArchiveSource.open(notJson)).getMessage();
        assertTrue(msg.contains("reviews.json") && msg.contains("end-of-input"), msg);
        assertFalse(msg.contains("Exception") || msg.contains("com.fasterxml") || msg.contains("ArchiveSource"), msg);

        Path wrongShape = rewrite(zip, "shape.zip", json -> "{\"version\": 1, \"annotations\": {\"id\": 3}}", true);
        msg = assertThrows(ArchiveException.class, () -> ArchiveSource.open(wrongShape)).getMessage();
        assertTrue(msg.contains("reviews.json") && msg.contains("annotations"), msg);

        Path stranger = rewrite(zip, "stranger.zip", json -> json.replace(g2, "not-in-this-archive"), true);
        msg = assertThrows(ArchiveException.class, () -> ArchiveSource.open(stranger)).getMessage();
        assertTrue(msg.contains("reviews.json") && msg.contains("group_id") && msg.contains("not-in-this-archive"),
                msg);

        Path noId = rewrite(zip, "noid.zip", json -> json.replaceFirst("\"id\" : \"[^\"]+\",", ""), true);
        msg = assertThrows(ArchiveException.class, () -> ArchiveSource.open(noId)).getMessage();
        assertTrue(msg.contains("reviews.json") && msg.contains(".id"), msg);
    }

    private static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }

    /** A copy with reviews.json changed; with {@code rehash}, the manifest declares the new size and hash. */
    private Path rewrite(Path zip, String name, UnaryOperator<String> change, boolean rehash) throws Exception {
        Map<String, byte[]> entries = entries(zip);
        byte[] reviews = change.apply(new String(entries.get("reviews.json"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        entries.put("reviews.json", reviews);
        if (rehash) {
            ObjectNode manifest = (ObjectNode) mapper.readTree(entries.get("manifest.json"));
            for (var f : manifest.withArray("files")) {
                if ("reviews".equals(f.path("kind").asText())) {
                    ((ObjectNode) f).put("size", reviews.length);
                    ((ObjectNode) f).put("sha256",
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(reviews)));
                }
            }
            entries.put("manifest.json", mapper.writeValueAsBytes(manifest));
        }
        Path out = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }
}
