package app.glow.inspector.model;

/** The lean answer of {@code /system/group}: enough to resolve an audit link. */
public record GroupIdentity(boolean groupExists, String groupId, String groupName, String actorName) {
}
