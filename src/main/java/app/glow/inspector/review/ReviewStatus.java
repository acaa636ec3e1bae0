package app.glow.inspector.review;

import java.util.Locale;

/** Where a group stands in a review. Stored and exported by {@link #wire()}, shown by {@link #label()}. */
public enum ReviewStatus {
    UNREVIEWED("Unreviewed"),
    IN_REVIEW("In review"),
    CLEARED("Cleared"),
    ESCALATED("Escalated");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stable name in the database and in {@code reviews.json}: {@code in_review}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name leniently: unknown or missing values count as unreviewed. */
    public static ReviewStatus fromWire(String s) {
        if (s == null) {
            return UNREVIEWED;
        }
        for (ReviewStatus v : values()) {
            if (v.wire().equalsIgnoreCase(s.trim()) || v.label.equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        return UNREVIEWED;
    }
}
