package app.glow.inspector.search;

import java.time.Instant;

/**
 * One matching message: where it is (its group, and {@code position} in the group's message
 * sequence, -1 when unknown), who wrote it, when, and the excerpt with the match marked.
 */
public record SearchHit(String groupId, String groupName, String messageId, String runId, String role, Instant time,
                        long position, Snippet snippet, float score) {
}
