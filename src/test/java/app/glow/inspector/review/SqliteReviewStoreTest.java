package app.glow.inspector.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteReviewStoreTest {
    @TempDir
    Path dir;

    private final Instant t0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void annotationsStatusesAndCountsSurviveReopening() throws Exception {
        Path db = dir.resolve("reviews.db");
        try (SqliteReviewStore s = SqliteReviewStore.open(db)) {
            s.save(Annotation.create("demo", "g1", "m1", "Tool error", "<b>not bold</b>", "Ana", t0));
            s.save(Annotation.create("demo", "g1", null, null, "group note", "Ana", t0.plusSeconds(1)));
            s.save(Annotation.create("other", "g1", "m1", "OK", "", "Ana", t0));
            s.setStatus(new GroupReview("demo", "g1", ReviewStatus.ESCALATED, "Ana", t0));
        }
        try (SqliteReviewStore s = SqliteReviewStore.open(db)) {
            List<Annotation> a = s.annotations("demo", "g1");
            assertEquals(2, a.size());
            assertEquals("<b>not bold</b>", a.get(0).note());
            assertEquals("Tool error", a.get(0).category());
            assertTrue(a.get(1).isGroupLevel());
            assertEquals(ReviewStatus.ESCALATED, s.status("demo", "g1").status());
            assertEquals(ReviewStatus.UNREVIEWED, s.status("demo", "g2").status());
            Map<String, ReviewSummary> sum = s.summaries("demo");
            assertEquals(new ReviewSummary(ReviewStatus.ESCALATED, 1, 1), sum.get("g1"));
            assertEquals("Escalated · 1 flag", sum.get("g1").text());
        }
    }

    @Test
    void editAndDelete() throws Exception {
        try (SqliteReviewStore s = SqliteReviewStore.open(dir.resolve("r.db"))) {
            Annotation a = Annotation.create("demo", "g", "m", "OK", "first", "Ana", t0);
            s.save(a);
            s.save(a.edited("Cost anomaly", "second", "Ben", t0.plusSeconds(5)));
            Annotation read = s.annotations("demo", "g").get(0);
            assertEquals("second", read.note());
            assertEquals("Ben", read.reviewer());
            assertEquals(t0, read.created());
            s.delete(a.id());
            assertTrue(s.annotations("demo", "g").isEmpty());
        }
    }

    @Test
    void categoriesAreEditableAndNeverEmpty() throws Exception {
        try (SqliteReviewStore s = SqliteReviewStore.open(dir.resolve("r.db"))) {
            assertEquals(SqliteReviewStore.DEFAULT_CATEGORIES, s.categories());
            s.setCategories(List.of(" Plagiarism ", "OK", "OK", ""));
            assertEquals(List.of("Plagiarism", "OK"), s.categories());
            assertThrows(ReviewException.class, () -> s.setCategories(List.of(" ")));
            assertEquals(List.of("Plagiarism", "OK"), s.categories());
        }
    }

    @Test
    void importingTheSameReviewsTwiceAddsNothing() throws Exception {
        try (SqliteReviewStore a = SqliteReviewStore.open(dir.resolve("a.db"));
             SqliteReviewStore b = SqliteReviewStore.open(dir.resolve("b.db"))) {
            a.save(Annotation.create("demo", "g1", "m1", "OK", "fine", "Ana", t0));
            a.save(Annotation.create("demo", "g2", "m9", "Tool error", "", "Ana", t0));
            a.setStatus(new GroupReview("demo", "g1", ReviewStatus.CLEARED, "Ana", t0));
            ReviewsFile file = a.export("demo", List.of("g1"));
            assertEquals(1, file.annotations().size());
            assertEquals(2, b.importReviews("sha256:abc", file) + b.importReviews("sha256:abc", file) + 1);
            assertEquals(1, b.annotations("sha256:abc", "g1").size());
            assertEquals(ReviewStatus.CLEARED, b.status("sha256:abc", "g1").status());
            b.setStatus(new GroupReview("sha256:abc", "g1", ReviewStatus.ESCALATED, "Ben", t0.plusSeconds(60)));
            b.importReviews("sha256:abc", file);
            assertEquals(ReviewStatus.ESCALATED, b.status("sha256:abc", "g1").status(), "an older status never wins");
        }
    }

    @Test
    void aNewerSchemaOrADamagedFileIsRefusedWithAReadableMessage() throws Exception {
        Path newer = dir.resolve("newer.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        ReviewException e = assertThrows(ReviewException.class, () -> SqliteReviewStore.open(newer));
        assertTrue(e.getMessage().contains("newer Glow Inspector"), e.getMessage());
        Path junk = dir.resolve("junk.db");
        Files.write(junk, "this is not a database, just text that goes on and on".repeat(100).getBytes());
        e = assertThrows(ReviewException.class, () -> SqliteReviewStore.open(junk));
        assertTrue(e.getMessage().contains("Move it aside"), e.getMessage());
        assertTrue(!e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void theSameAnnotationCanBeFiledUnderTwoSourcesAndDeletedUnderOne() throws Exception {
        try (SqliteReviewStore s = SqliteReviewStore.open(dir.resolve("r.db"))) {
            Annotation a = Annotation.create("demo", "g1", "m1", "OK", "fine", "Ana", t0);
            s.save(a);
            ReviewsFile file = s.export("demo", List.of("g1"));
            assertEquals(1, s.importReviews("sha256:abc", file), "the archive's copy is new under its own key");
            assertEquals(0, s.importReviews("sha256:abc", file));
            assertEquals(a.id(), s.annotations("sha256:abc", "g1").get(0).id());
            s.delete(s.annotations("sha256:abc", "g1").get(0));
            assertTrue(s.annotations("sha256:abc", "g1").isEmpty());
            assertEquals(1, s.annotations("demo", "g1").size(), "the original stays");
        }
    }

    @Test
    void aVersionOneDatabaseIsMigratedWithItsAnnotations() throws Exception {
        Path old = dir.resolve("v1.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE annotation (id TEXT PRIMARY KEY, source_key TEXT NOT NULL, group_id TEXT NOT NULL,"
                    + " message_id TEXT, category TEXT, note TEXT NOT NULL, reviewer TEXT NOT NULL,"
                    + " created TEXT NOT NULL, updated TEXT NOT NULL)");
            s.execute("CREATE INDEX annotation_group ON annotation (source_key, group_id)");
            s.execute("CREATE TABLE group_review (source_key TEXT NOT NULL, group_id TEXT NOT NULL, status TEXT NOT"
                    + " NULL, reviewer TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (source_key, group_id))");
            s.execute("CREATE TABLE category (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
            s.execute("INSERT INTO category VALUES (0, 'OK')");
            s.execute("INSERT INTO annotation VALUES ('a1', 'demo', 'g1', 'm1', 'OK', 'kept', 'Ana',"
                    + " '2026-11-30T10:00:00Z', '2026-11-30T10:00:00Z')");
            s.execute("PRAGMA user_version = 1");
        }
        try (SqliteReviewStore s = SqliteReviewStore.open(old)) {
            assertEquals(2, s.schemaVersion());
            assertEquals("kept", s.annotations("demo", "g1").get(0).note());
            assertEquals(List.of("OK"), s.categories());
            s.save(s.annotations("demo", "g1").get(0).under("sha256:abc"));
            assertEquals(1, s.annotations("sha256:abc", "g1").size());
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = c.createStatement();
             var r = st.executeQuery("PRAGMA user_version")) {
            assertEquals(2, r.getInt(1));
        }
    }
}
