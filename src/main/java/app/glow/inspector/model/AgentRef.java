package app.glow.inspector.model;

/** An agent (usually a student persona) named by a page or a detail response. */
public record AgentRef(String agentId, String name) {
}
