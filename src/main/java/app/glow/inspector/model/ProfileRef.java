package app.glow.inspector.model;

/** A profile (the user who triggered runs) named by a page or a detail response. */
public record ProfileRef(String profileId, String name) {
}
