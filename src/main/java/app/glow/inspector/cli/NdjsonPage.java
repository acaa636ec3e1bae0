package app.glow.inspector.cli;

import app.glow.inspector.api.JsonStreamReader;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One page of a list answer, read as it arrives: each element of the list field becomes one NDJSON
 * line, its tokens copied as they are parsed (never bound to objects and written again), and the
 * next page token is kept. The lines wait in a buffer, reused from page to page, until the page has
 * been read to its end, so a page that breaks off (or is retried) prints nothing of itself.
 * Numbers are copied exactly (decimals in plain notation), as the tree-based printing did.
 */
final class NdjsonPage implements JsonStreamReader<String> {
    private final JsonFactory factory;
    private final String listField;
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream(1 << 16);
    private int count;

    NdjsonPage(JsonFactory factory, String listField) {
        this.factory = factory;
        this.listField = listField;
    }

    /** Reads one page; returns its next page token, or null (or empty) on the last page. */
    @Override
    public String read(JsonParser p) throws IOException {
        lines.reset();
        count = 0;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren(); // not a page: no lines and no next token, as a missing field would be
            return null;
        }
        String next = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals(listField)) {
                copyList(p, value);
            } else if (name.equals("next_page_token")) {
                next = tokenText(p, value);
            } else {
                p.skipChildren();
            }
        }
        return next;
    }

    /** The lines of the page last read (each ends with a newline). */
    void writeTo(OutputStream out) throws IOException {
        lines.writeTo(out);
    }

    int count() {
        return count;
    }

    private void copyList(JsonParser p, JsonToken value) throws IOException {
        lines.reset(); // a field named twice: the last one counts, as with a parsed tree
        count = 0;
        if (!value.isStructStart()) {
            return;
        }
        JsonToken end = value == JsonToken.START_ARRAY ? JsonToken.END_ARRAY : JsonToken.END_OBJECT;
        try (JsonGenerator g = factory.createGenerator(lines)) {
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.setRootValueSeparator(null);
            for (JsonToken t = p.nextToken(); t != end; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    p.nextToken(); // an object's values are its elements
                }
                copyValue(p, g);
                g.writeRaw('\n');
                count++;
            }
        }
    }

    /** Copies the value at the parser's current token, numbers exactly. */
    private static void copyValue(JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        do {
            JsonToken t = p.currentToken();
            g.copyCurrentEventExact(p);
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
        } while (depth > 0 && p.nextToken() != null);
    }

    /** The token as text, as the tree's {@code asText()} gave it: containers are "". */
    private static String tokenText(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }
}
