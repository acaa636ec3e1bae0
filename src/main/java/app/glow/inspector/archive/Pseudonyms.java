package app.glow.inspector.archive;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.ProfileRef;
import app.glow.inspector.model.RunWithMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "Profile 1", "Profile 2", … and "Actor 1", …: the same person gets the same name in one archive. */
final class Pseudonyms {
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private final Map<String, String> actors = new LinkedHashMap<>();

    GroupDetail apply(GroupDetail d) {
        List<ProfileRef> refs = new ArrayList<>();
        for (ProfileRef p : d.profiles()) {
            refs.add(new ProfileRef(p.profileId(), profile(p.profileId())));
        }
        for (RunWithMessages r : d.runs()) {
            String pid = r.run().profileId();
            if (pid != null && refs.stream().noneMatch(p -> pid.equals(p.profileId()))) {
                refs.add(new ProfileRef(pid, profile(pid)));
            }
        }
        String actor = d.actorName() == null ? null
                : actors.computeIfAbsent(d.actorName(), a -> "Actor " + (actors.size() + 1));
        return new GroupDetail(d.groupExists(), d.groupId(), d.groupName(), actor, d.totalMessageCount(), d.runs(),
                d.models(), d.agents(), refs);
    }

    private String profile(String id) {
        return profiles.computeIfAbsent(id, p -> "Profile " + (profiles.size() + 1));
    }
}
