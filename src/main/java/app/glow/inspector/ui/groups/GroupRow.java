package app.glow.inspector.ui.groups;

import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.service.ResourceNames;

/** One table row: a group summary with its resource names resolved for display. */
public record GroupRow(GroupSummary summary, String models, String agents, String profiles) {
    static GroupRow of(GroupSummary s, ResourceNames names) {
        return new GroupRow(s, names.models(s.modelIds()), names.agents(s.agentIds()),
                names.profiles(s.profileIds()));
    }

    public String groupId() {
        return summary.groupId();
    }
}
