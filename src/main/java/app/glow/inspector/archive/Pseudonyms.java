package app.glow.inspector.archive;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.ProfileRef;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.review.ReviewsFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Profile 1", "Actor 1", "Reviewer 1", …: the same person gets the same name throughout one
 * archive, so a reader can still follow who did what without learning who it was.
 */
final class Pseudonyms {
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private final Map<String, String> actors = new LinkedHashMap<>();
    private final Map<String, String> reviewers = new LinkedHashMap<>();

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

    /** The reviews with every reviewer's name replaced; notes and categories stay as written. */
    ReviewsFile apply(ReviewsFile f) {
        List<ReviewsFile.Status> statuses = new ArrayList<>();
        for (ReviewsFile.Status s : f.statuses()) {
            statuses.add(new ReviewsFile.Status(s.groupId(), s.status(), reviewer(s.reviewer()), s.updated()));
        }
        List<ReviewsFile.Entry> entries = new ArrayList<>();
        for (ReviewsFile.Entry e : f.annotations()) {
            entries.add(new ReviewsFile.Entry(e.id(), e.groupId(), e.messageId(), e.category(), e.note(),
                    reviewer(e.reviewer()), e.created(), e.updated()));
        }
        return new ReviewsFile(f.version(), statuses, entries);
    }

    private String profile(String id) {
        return profiles.computeIfAbsent(id, p -> "Profile " + (profiles.size() + 1));
    }

    /** Names compare after trimming and ignoring case, so "Dana " and "dana" are one reviewer. */
    private String reviewer(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String key = name.strip().toLowerCase(java.util.Locale.ROOT);
        return reviewers.computeIfAbsent(key, r -> "Reviewer " + (reviewers.size() + 1));
    }
}
