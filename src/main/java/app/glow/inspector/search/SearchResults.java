package app.glow.inspector.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to one search, grouped by group (best group first). {@code countsByGroup} covers every
 * group with a hit, also those beyond the loaded hits, so "select all groups with hits" is exact.
 *
 * @param totalHits messages that match in all
 * @param truncated true when more messages match than were loaded as hits
 */
public record SearchResults(String query, long totalHits, List<GroupHits> groups, Map<String, Integer> countsByGroup,
                            boolean truncated, long tookMillis) {
    public SearchResults {
        groups = List.copyOf(groups);
        countsByGroup = Map.copyOf(countsByGroup);
    }

    public static SearchResults empty(String query) {
        return new SearchResults(query, 0, List.of(), Map.of(), false, 0);
    }

    /** The loaded hits in display order: group by group, best first within each. */
    public List<SearchHit> hits() {
        return groups.stream().flatMap(g -> g.hits().stream()).toList();
    }
}
