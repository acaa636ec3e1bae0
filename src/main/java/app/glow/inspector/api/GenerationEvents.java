package app.glow.inspector.api;

import app.glow.inspector.model.GenerationEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** Parses one SSE event into a typed {@link GenerationEvent}; unknown types give empty. */
public final class GenerationEvents {
    private final ObjectMapper mapper;

    public GenerationEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @throws IOException when {@code data} is not a JSON object (malformed data of a known type)
     */
    public Optional<GenerationEvent> parse(String id, String type, String data) throws IOException {
        if (type == null) {
            return Optional.empty();
        }
        JsonNode n;
        switch (type) {
            case "GenerationProgressEvent", "GenerationCompleteEvent", "GenerationSavedEvent",
                 "GenerationErrorEvent", "GenerationMediaProgressEvent", "GenerationMediaCompleteEvent" -> {
                n = mapper.readTree(data);
                if (n == null || !n.isObject()) {
                    throw new IOException("event data is not a JSON object");
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        String g = text(n, "group_id");
        String r = text(n, "run_id");
        GenerationEvent e = switch (type) {
            case "GenerationProgressEvent" -> new GenerationEvent.GenerationProgressEvent(id, g, r,
                    n.path("completed_resources").asLong(), n.path("total_resources").asLong(),
                    n.path("percentage").asDouble());
            case "GenerationCompleteEvent" -> new GenerationEvent.GenerationCompleteEvent(id, g, r,
                    text(n, "artifact_type"), n.path("success").asBoolean(false));
            case "GenerationSavedEvent" -> new GenerationEvent.GenerationSavedEvent(id, g, r,
                    text(n, "artifact_type"));
            case "GenerationErrorEvent" -> new GenerationEvent.GenerationErrorEvent(id, g, r, text(n, "message"));
            case "GenerationMediaProgressEvent" -> new GenerationEvent.GenerationMediaProgressEvent(id, g, r,
                    text(n, "media_kind"), n.path("percentage").asDouble());
            default -> new GenerationEvent.GenerationMediaCompleteEvent(id, g, r, text(n, "media_kind"),
                    text(n, "upload_id"));
        };
        return Optional.of(e);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
