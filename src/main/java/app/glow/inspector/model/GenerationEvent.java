package app.glow.inspector.model;

/**
 * The live generation events of {@code /system/watch}. Every event names its group and run;
 * {@code eventId} is the SSE id used to resume (null when the server sent none).
 */
public sealed interface GenerationEvent {
    String eventId();

    String groupId();

    String runId();

    /** The SSE event type name. */
    default String type() {
        return getClass().getSimpleName();
    }

    record GenerationProgressEvent(String eventId, String groupId, String runId, long completedResources,
                                   long totalResources, double percentage) implements GenerationEvent {
    }

    record GenerationCompleteEvent(String eventId, String groupId, String runId, String artifactType,
                                   boolean success) implements GenerationEvent {
    }

    record GenerationSavedEvent(String eventId, String groupId, String runId, String artifactType)
            implements GenerationEvent {
    }

    record GenerationErrorEvent(String eventId, String groupId, String runId, String message)
            implements GenerationEvent {
    }

    record GenerationMediaProgressEvent(String eventId, String groupId, String runId, String mediaKind,
                                        double percentage) implements GenerationEvent {
    }

    record GenerationMediaCompleteEvent(String eventId, String groupId, String runId, String mediaKind,
                                        String uploadId) implements GenerationEvent {
    }
}
