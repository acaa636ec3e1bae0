package app.glow.inspector.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review database: one SQLite file in the user's data folder, WAL journal with full sync so a
 * committed edit survives a killed process, a schema version in {@code PRAGMA user_version} and
 * forward-only migrations. One connection, used under this object's lock (SQLite has one writer).
 */
public final class SqliteReviewStore implements ReviewStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteReviewStore.class);
    static final List<String> DEFAULT_CATEGORIES = List.of("Possible misconduct", "Persona broke character",
            "Tool error", "Cost anomaly", "OK");

    private final Connection db;
    private final String where;

    private SqliteReviewStore(Connection db, String where) {
        this.db = db;
        this.where = where;
    }

    /** Opens (creating if needed) the database file, migrating it to the current schema. */
    public static SqliteReviewStore open(Path file) throws ReviewException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new ReviewException("The folder for the review database (" + file.getParent()
                    + ") cannot be created: " + e.getMessage() + ".", e);
        }
        return open("jdbc:sqlite:" + file.toAbsolutePath(), file.toString());
    }

    /** A database that lives only as long as this object (when the file cannot be used). */
    public static SqliteReviewStore inMemory() throws ReviewException {
        return open("jdbc:sqlite::memory:", "memory");
    }

    private static SqliteReviewStore open(String url, String where) throws ReviewException {
        Connection c = null;
        try {
            c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                try (ResultSet r = s.executeQuery("PRAGMA quick_check")) {
                    String verdict = r.next() ? r.getString(1) : "no answer";
                    if (!"ok".equalsIgnoreCase(verdict)) {
                        throw new ReviewException("The review database at " + where + " is damaged (" + verdict
                                + "). Move it aside to start a new one.");
                    }
                }
            }
            SqliteReviewStore store = new SqliteReviewStore(c, where);
            store.migrate();
            return store;
        } catch (SQLException e) {
            closeQuietly(c, where);
            throw new ReviewException("The review database at " + where + " cannot be opened: "
                    + e.getMessage() + ". Move it aside to start a new one.", e);
        } catch (ReviewException e) {
            closeQuietly(c, where);
            throw e;
        }
    }

    private void migrate() throws SQLException, ReviewException {
        int version;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            version = r.next() ? r.getInt(1) : 0;
        }
        if (version > ReviewSchema.MIGRATIONS.size()) {
            throw new ReviewException("The review database at " + where + " was written by a newer Glow Inspector"
                    + " (schema " + version + "). Update the app to use it.");
        }
        for (int v = version; v < ReviewSchema.MIGRATIONS.size(); v++) {
            boolean auto = db.getAutoCommit();
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                for (String sql : ReviewSchema.MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                if (v == 0) {
                    insertCategories(DEFAULT_CATEGORIES);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                db.commit();
                LOG.info("Review database {} migrated to schema {}", where, v + 1);
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(auto);
            }
        }
    }

    public int schemaVersion() {
        return ReviewSchema.MIGRATIONS.size();
    }

    @Override
    public synchronized List<Annotation> annotations(String sourceKey, String groupId) throws ReviewException {
        String sql = "SELECT id, source_key, group_id, message_id, category, note, reviewer, created, updated"
                + " FROM annotation WHERE source_key = ? AND group_id = ? ORDER BY created, id";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, sourceKey);
            p.setString(2, groupId);
            List<Annotation> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Annotation(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), Instant.parse(r.getString(8)),
                            Instant.parse(r.getString(9))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the annotations", e);
        }
    }

    @Override
    public synchronized void save(Annotation a) throws ReviewException {
        String sql = "INSERT OR REPLACE INTO annotation (id, source_key, group_id, message_id, category, note,"
                + " reviewer, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, a);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the annotation", e);
        }
    }

    private static void bind(PreparedStatement p, Annotation a) throws SQLException {
        p.setString(1, a.id());
        p.setString(2, a.sourceKey());
        p.setString(3, a.groupId());
        p.setString(4, a.messageId());
        p.setString(5, a.category());
        p.setString(6, a.note());
        p.setString(7, a.reviewer());
        p.setString(8, a.created().toString());
        p.setString(9, a.updated().toString());
    }

    @Override
    public synchronized void delete(String annotationId) throws ReviewException {
        deleteWhere("id = ?", annotationId);
    }

    @Override
    public synchronized void delete(String sourceKey, String annotationId) throws ReviewException {
        deleteWhere("source_key = ? AND id = ?", sourceKey, annotationId);
    }

    private void deleteWhere(String condition, String... values) throws ReviewException {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM annotation WHERE " + condition)) {
            for (int i = 0; i < values.length; i++) {
                p.setString(i + 1, values[i]);
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete the annotation", e);
        }
    }

    @Override
    public synchronized GroupReview status(String sourceKey, String groupId) throws ReviewException {
        String sql = "SELECT status, reviewer, updated FROM group_review WHERE source_key = ? AND group_id = ?";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, sourceKey);
            p.setString(2, groupId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return GroupReview.unreviewed(sourceKey, groupId);
                }
                return new GroupReview(sourceKey, groupId, ReviewStatus.fromWire(r.getString(1)), r.getString(2),
                        Instant.parse(r.getString(3)));
            }
        } catch (SQLException e) {
            throw failure("read the review status", e);
        }
    }

    @Override
    public synchronized void setStatus(GroupReview review) throws ReviewException {
        String sql = "INSERT OR REPLACE INTO group_review (source_key, group_id, status, reviewer, updated)"
                + " VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, review.sourceKey());
            p.setString(2, review.groupId());
            p.setString(3, review.status().wire());
            p.setString(4, review.reviewer());
            p.setString(5, (review.updated() == null ? now() : review.updated()).toString());
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the review status", e);
        }
    }

    @Override
    public synchronized Map<String, ReviewSummary> summaries(String sourceKey) throws ReviewException {
        Map<String, ReviewSummary> out = new LinkedHashMap<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT group_id, status FROM group_review WHERE source_key = ?")) {
            p.setString(1, sourceKey);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), new ReviewSummary(ReviewStatus.fromWire(r.getString(2)), 0, 0));
                }
            }
        } catch (SQLException e) {
            throw failure("read the review statuses", e);
        }
        String counts = "SELECT group_id, SUM(CASE WHEN category IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN category IS NULL THEN 1 ELSE 0 END) FROM annotation WHERE source_key = ?"
                + " GROUP BY group_id";
        try (PreparedStatement p = db.prepareStatement(counts)) {
            p.setString(1, sourceKey);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ReviewSummary old = out.getOrDefault(r.getString(1), ReviewSummary.NONE);
                    out.put(r.getString(1), new ReviewSummary(old.status(), r.getInt(2), r.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw failure("count the annotations", e);
        }
        return out;
    }

    @Override
    public synchronized List<String> categories() throws ReviewException {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM category ORDER BY position")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the flag categories", e);
        }
    }

    @Override
    public synchronized void setCategories(List<String> categories) throws ReviewException {
        List<String> clean = categories.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (clean.isEmpty()) {
            throw new ReviewException("Keep at least one flag category.");
        }
        transaction("save the flag categories", () -> {
            try (Statement s = db.createStatement()) {
                s.execute("DELETE FROM category");
            }
            insertCategories(clean);
        });
    }

    private void insertCategories(List<String> names) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO category (position, name) VALUES (?, ?)")) {
            for (int i = 0; i < names.size(); i++) {
                p.setInt(1, i);
                p.setString(2, names.get(i));
                p.executeUpdate();
            }
        }
    }

    @Override
    public synchronized ReviewsFile export(String sourceKey, Collection<String> groupIds) throws ReviewException {
        List<ReviewsFile.Status> statuses = new ArrayList<>();
        List<ReviewsFile.Entry> entries = new ArrayList<>();
        for (String g : groupIds) {
            GroupReview r = status(sourceKey, g);
            if (r.updated() != null) {
                statuses.add(new ReviewsFile.Status(g, r.status().wire(), r.reviewer(), r.updated().toString()));
            }
            for (Annotation a : annotations(sourceKey, g)) {
                entries.add(new ReviewsFile.Entry(a.id(), g, a.messageId(), a.category(), a.note(), a.reviewer(),
                        a.created().toString(), a.updated().toString()));
            }
        }
        return new ReviewsFile(ReviewsFile.VERSION, statuses, entries);
    }

    @Override
    public synchronized int importReviews(String sourceKey, ReviewsFile file) throws ReviewException {
        int[] added = {0};
        transaction("import the archive's reviews", () -> {
            String sql = "INSERT OR IGNORE INTO annotation (id, source_key, group_id, message_id, category, note,"
                    + " reviewer, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement p = db.prepareStatement(sql)) {
                for (ReviewsFile.Entry e : file.annotations()) {
                    if (e.id() == null || e.groupId() == null) {
                        continue; // an entry without identity cannot be deduplicated; the importer counts it
                    }
                    Instant created = ReviewSchema.lenientInstant(e.created());
                    bind(p, new Annotation(e.id(), sourceKey, e.groupId(), e.messageId(), e.category(), e.note(),
                            e.reviewer(), created, ReviewSchema.lenientInstant(e.updated())));
                    added[0] += p.executeUpdate();
                }
            }
            for (ReviewsFile.Status s : file.statuses()) {
                if (s.groupId() == null) {
                    continue;
                }
                GroupReview mine = status(sourceKey, s.groupId());
                Instant theirs = ReviewSchema.lenientInstant(s.updated());
                if (mine.updated() == null || theirs.isAfter(mine.updated())) {
                    setStatus(new GroupReview(sourceKey, s.groupId(), ReviewStatus.fromWire(s.status()),
                            s.reviewer(), theirs));
                }
            }
        });
        return added[0];
    }

    private interface SqlWork {
        void run() throws SQLException, ReviewException;
    }

    private void transaction(String what, SqlWork work) throws ReviewException {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | ReviewException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private ReviewException failure(String what, SQLException e) {
        LOG.error("Review database {}: could not {}", where, what, e);
        return new ReviewException("Could not " + what + " in the review database (" + e.getMessage() + ").", e);
    }

    private static void closeQuietly(Connection c, String where) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // already failing to open; the first error is what the user sees
            LOG.warn("Closing the review database {} after a failed open also failed", where, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // every write was committed when it returned; a failed close loses nothing
            LOG.warn("Closing the review database {} failed", where, e);
        }
    }
}
