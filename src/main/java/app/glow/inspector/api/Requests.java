package app.glow.inspector.api;

/** Request bodies of the contract; null fields are not sent. */
public final class Requests {
    private Requests() {
    }

    public record GroupRequest(String groupId, Boolean includeDetail, Integer messageLimit, Integer messageOffset) {
    }

    public record ExportRequest(String targetGroupId) {
    }

    /** {@code {}} for all groups, or one group. */
    public record GroupScope(String groupId) {
    }
}
