package app.glow.inspector.model;

import java.time.Instant;

/** One tool/function call made while producing a message. */
public record ToolCall(String id, String templateName, String filePath, Instant createdAt) {
}
