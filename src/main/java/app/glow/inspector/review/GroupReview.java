package app.glow.inspector.review;

import java.time.Instant;

/** The review status of one group, who set it and when ({@code updated} null when never set). */
public record GroupReview(String sourceKey, String groupId, ReviewStatus status, String reviewer, Instant updated) {
    public GroupReview {
        status = status == null ? ReviewStatus.UNREVIEWED : status;
        reviewer = reviewer == null ? "" : reviewer;
    }

    public static GroupReview unreviewed(String sourceKey, String groupId) {
        return new GroupReview(sourceKey, groupId, ReviewStatus.UNREVIEWED, "", null);
    }
}
