package app.glow.inspector.review;

import java.util.List;

/**
 * The reviews carried in an archive ({@code reviews.json}): statuses and annotations of the
 * exported groups, without a source key (the archive is the source once opened).
 */
public record ReviewsFile(int version, List<Status> statuses, List<Entry> annotations) {
    public static final int VERSION = 1;

    public ReviewsFile {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
    }

    public record Status(String groupId, String status, String reviewer, String updated) {
    }

    public record Entry(String id, String groupId, String messageId, String category, String note, String reviewer,
                        String created, String updated) {
    }
}
