package app.glow.inspector.search;

import java.time.Instant;

/** One matching message: where it is, who wrote it, when, and the excerpt with the match marked. */
public record SearchHit(String groupId, String groupName, String messageId, String runId, String role, Instant time,
                        Snippet snippet, float score) {
}
