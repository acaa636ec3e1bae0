package app.glow.inspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and checks {@code --body}: inline JSON, {@code @file.json}, or {@code -} for stdin. */
final class Body {
    private Body() {
    }

    static ObjectNode read(String spec, InputStream stdin, ObjectMapper mapper) throws UsageError {
        String text;
        if (spec == null) {
            text = "{}";
        } else if (spec.equals("-")) {
            try {
                text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageError("--body -: cannot read standard input (" + e.getMessage() + ")");
            }
        } else if (spec.startsWith("@")) {
            try {
                text = Files.readString(Path.of(spec.substring(1)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageError("--body " + spec + ": cannot read the file (" + e.getMessage() + ")");
            }
        } else {
            text = spec;
        }
        JsonNode n;
        try {
            n = mapper.readTree(text);
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " at column " + j.getLocation().getColumnNr() : "";
            throw new UsageError("--body is not valid JSON" + where + ": "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage()));
        }
        if (n == null || !n.isObject()) {
            throw new UsageError("--body must be a JSON object, e.g. '{\"group_id\": \"...\"}'");
        }
        return (ObjectNode) n;
    }

    static void requireString(ObjectNode body, String field) throws UsageError {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw new UsageError("--body misses the required field \"" + field + "\"");
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new UsageError("--body field \"" + field + "\" must be a non-empty string");
        }
    }

    static void optionalString(ObjectNode body, String field) throws UsageError {
        JsonNode n = body.get(field);
        if (n != null && !n.isNull() && !n.isTextual()) {
            throw new UsageError("--body field \"" + field + "\" must be a string");
        }
    }

    static void optionalBoolean(ObjectNode body, String field) throws UsageError {
        JsonNode n = body.get(field);
        if (n != null && !n.isNull() && !n.isBoolean()) {
            throw new UsageError("--body field \"" + field + "\" must be true or false");
        }
    }

    static void optionalInt(ObjectNode body, String field, int min, int max) throws UsageError {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
            throw new UsageError("--body field \"" + field + "\" must be an integer from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        }
    }
}
