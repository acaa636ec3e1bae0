package app.glow.inspector.model;

import java.util.List;

/**
 * One message of a run. {@code role} is kept as sent: system, user, assistant, or any
 * other value a server invents. Absent arrays are empty.
 */
public record Message(String id, String role, List<String> textUploadIds, List<String> audioUploadIds,
                      List<String> imageUploadIds, List<String> videoUploadIds, List<String> fileUploadIds,
                      List<ToolCall> calls) {
    public Message {
        role = Lists.orEmpty(role);
        textUploadIds = Lists.copy(textUploadIds);
        audioUploadIds = Lists.copy(audioUploadIds);
        imageUploadIds = Lists.copy(imageUploadIds);
        videoUploadIds = Lists.copy(videoUploadIds);
        fileUploadIds = Lists.copy(fileUploadIds);
        calls = Lists.copy(calls);
    }

    /** The upload ids of one kind, in order. */
    public List<String> uploadIds(MediaKind kind) {
        return switch (kind) {
            case TEXT -> textUploadIds;
            case AUDIO -> audioUploadIds;
            case IMAGE -> imageUploadIds;
            case VIDEO -> videoUploadIds;
            case FILE -> fileUploadIds;
        };
    }
}
