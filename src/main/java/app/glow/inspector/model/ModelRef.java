package app.glow.inspector.model;

/** A model named by a page or a detail response. */
public record ModelRef(String modelId, String name) {
}
