package app.glow.inspector.model;

import java.util.List;

/**
 * One page of {@code /system/groups}. {@code nextPageToken} null on the last page;
 * {@code totalCount} null when the server does not say.
 */
public record GroupsPage(List<GroupSummary> groups, String nextPageToken, Long totalCount, List<ModelRef> models,
                         List<AgentRef> agents, List<ProfileRef> profiles, List<Pricing> pricing) {
    public GroupsPage {
        groups = Lists.copy(groups);
        models = Lists.copy(models);
        agents = Lists.copy(agents);
        profiles = Lists.copy(profiles);
        pricing = Lists.copy(pricing);
        if (nextPageToken != null && nextPageToken.isEmpty()) {
            nextPageToken = null;
        }
    }

    public boolean isLastPage() {
        return nextPageToken == null;
    }
}
