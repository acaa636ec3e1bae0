package app.glow.inspector.ui.groups;

/** A generation in progress on a group: a fraction for the bar and words for the label. */
public record LiveProgress(double fraction, String label) {
}
