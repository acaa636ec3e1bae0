package app.glow.inspector.review;

/** What the group list shows per group: the status and how many flags and notes it has. */
public record ReviewSummary(ReviewStatus status, int flags, int notes) {
    public static final ReviewSummary NONE = new ReviewSummary(ReviewStatus.UNREVIEWED, 0, 0);

    /** One short cell text: "Escalated · 3 flags". */
    public String text() {
        StringBuilder b = new StringBuilder(status.label());
        if (flags > 0) {
            b.append(" · ").append(flags).append(flags == 1 ? " flag" : " flags");
        }
        return b.toString();
    }
}
