package app.glow.inspector.review;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A reviewer's finding on one message, or on the whole group when {@code messageId} is null.
 * {@code category} is the flag ("possible misconduct", …) or null for a plain note. The id is a
 * UUID made where the annotation was first written, so an archive imported twice adds nothing.
 */
public record Annotation(String id, String sourceKey, String groupId, String messageId, String category,
                         String note, String reviewer, Instant created, Instant updated) {
    public Annotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(groupId, "groupId");
        note = note == null ? "" : note;
        reviewer = reviewer == null ? "" : reviewer;
        Objects.requireNonNull(created, "created");
        updated = updated == null ? created : updated;
        category = category == null || category.isBlank() ? null : category.strip();
        messageId = messageId == null || messageId.isBlank() ? null : messageId;
    }

    public static Annotation create(String sourceKey, String groupId, String messageId, String category,
                                    String note, String reviewer, Instant now) {
        return new Annotation(UUID.randomUUID().toString(), sourceKey, groupId, messageId, category, note, reviewer,
                now, now);
    }

    public boolean isFlag() {
        return category != null;
    }

    public boolean isGroupLevel() {
        return messageId == null;
    }

    public Annotation edited(String newCategory, String newNote, String editor, Instant now) {
        return new Annotation(id, sourceKey, groupId, messageId, newCategory, newNote, editor, created, now);
    }

    /** The same annotation filed under another source (an archive's reviews imported here). */
    public Annotation under(String otherSourceKey) {
        return new Annotation(id, otherSourceKey, groupId, messageId, category, note, reviewer, created, updated);
    }
}
