package app.glow.inspector.model;

import java.time.Instant;

/**
 * The request of {@code /system/groups}. Every field is optional; null fields are not sent.
 */
public record GroupsQuery(Integer pageSize, String pageToken, String query, Instant createdAfter,
                          Instant createdBefore) {
    public static GroupsQuery firstPage(int pageSize) {
        return new GroupsQuery(pageSize, null, null, null, null);
    }

    public GroupsQuery withPageToken(String token) {
        return new GroupsQuery(pageSize, token, query, createdAfter, createdBefore);
    }
}
