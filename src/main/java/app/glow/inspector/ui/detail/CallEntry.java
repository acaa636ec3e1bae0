package app.glow.inspector.ui.detail;

import app.glow.inspector.model.ToolCall;

/** One tool call, where it was made: run, message position and role. */
public record CallEntry(int runIndex, long position, String messageId, String role, ToolCall call) {
}
