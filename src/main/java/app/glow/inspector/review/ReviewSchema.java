package app.glow.inspector.review;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The review database's schema: the steps that build it, and how times read from elsewhere are taken. */
final class ReviewSchema {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewSchema.class);

    private ReviewSchema() {
    }

    /** Migration i brings the schema from version i to i + 1. Never edit a released step; add one. */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
        "CREATE TABLE annotation (id TEXT PRIMARY KEY, source_key TEXT NOT NULL, group_id TEXT NOT NULL,"
                + " message_id TEXT, category TEXT, note TEXT NOT NULL, reviewer TEXT NOT NULL,"
                + " created TEXT NOT NULL, updated TEXT NOT NULL)",
        "CREATE INDEX annotation_group ON annotation (source_key, group_id)",
        "CREATE TABLE group_review (source_key TEXT NOT NULL, group_id TEXT NOT NULL, status TEXT NOT NULL,"
                + " reviewer TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (source_key, group_id))",
        "CREATE TABLE category (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
        // 1 -> 2: an annotation's id is unique per source, not overall, so an archive opened on the
        // machine that exported it files the same annotations again under the archive's own key
        List.of("CREATE TABLE annotation_v2 (id TEXT NOT NULL, source_key TEXT NOT NULL, group_id TEXT NOT NULL,"
                + " message_id TEXT, category TEXT, note TEXT NOT NULL, reviewer TEXT NOT NULL,"
                + " created TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (source_key, id))",
            "INSERT INTO annotation_v2 (id, source_key, group_id, message_id, category, note, reviewer, created,"
                + " updated) SELECT id, source_key, group_id, message_id, category, note, reviewer, created, updated"
                + " FROM annotation",
            "DROP TABLE annotation",
            "ALTER TABLE annotation_v2 RENAME TO annotation",
            "CREATE INDEX annotation_group ON annotation (source_key, group_id)"));

    /** Archive timestamps come from other machines: an unreadable one becomes the epoch, not a refusal. */
    static Instant lenientInstant(String s) {
        if (s == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            LOG.warn("Unreadable review time '{}' in an archive; using 1970-01-01", s);
            return Instant.EPOCH;
        }
    }
}
