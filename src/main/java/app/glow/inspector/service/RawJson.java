package app.glow.inspector.service;

import app.glow.inspector.api.GlowJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** The raw JSON view of a record, pretty-printed with the contract's field names. */
public final class RawJson {
    private final ObjectWriter writer;

    public RawJson() {
        ObjectMapper mapper = GlowJson.newMapper();
        this.writer = mapper.writerWithDefaultPrettyPrinter();
    }

    /** Pretty JSON of {@code value}; a value that cannot be written says so instead. */
    public String pretty(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            org.slf4j.LoggerFactory.getLogger(RawJson.class).warn("raw JSON of a {} failed",
                    value == null ? "null" : value.getClass().getSimpleName(), e);
            return "(this record cannot be shown as JSON: " + e.getOriginalMessage() + ")";
        }
    }
}
