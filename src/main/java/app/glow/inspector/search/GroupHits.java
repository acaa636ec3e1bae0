package app.glow.inspector.search;

import java.util.List;

/**
 * The hits of one group: {@code count} messages match in all, of which {@code hits} are the ones
 * among the best-scoring results (the rest are counted, not loaded).
 */
public record GroupHits(String groupId, String groupName, int count, List<SearchHit> hits) {
    public GroupHits {
        hits = List.copyOf(hits);
    }
}
