package app.glow.inspector.model;

import java.util.List;

/** The detail tree of one group, with the messages of one window. */
public record GroupDetail(boolean groupExists, String groupId, String groupName, String actorName,
                          long totalMessageCount, List<RunWithMessages> runs, List<ModelRef> models,
                          List<AgentRef> agents, List<ProfileRef> profiles) {
    public GroupDetail {
        runs = Lists.copy(runs);
        models = Lists.copy(models);
        agents = Lists.copy(agents);
        profiles = Lists.copy(profiles);
    }

    /** How many messages this window holds. */
    public int windowMessageCount() {
        int n = 0;
        for (RunWithMessages r : runs) {
            n += r.messages().size();
        }
        return n;
    }
}
