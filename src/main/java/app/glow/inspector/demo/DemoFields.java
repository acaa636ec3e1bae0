package app.glow.inspector.demo;

import app.glow.inspector.api.GlowJson;
import app.glow.inspector.model.MediaKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Request fields read the way the contract says (a readable 400 for anything else), and response headers. */
final class DemoFields {
    private DemoFields() {
    }

    static String requiredString(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw new DemoApi.InvalidRequest(field + " is required.");
        }
        if (!n.isTextual() || n.asText().isEmpty()) {
            throw new DemoApi.InvalidRequest(field + " must be a non-empty string.");
        }
        return n.asText();
    }

    static String optionalString(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new DemoApi.InvalidRequest(field + " must be a string.");
        }
        return n.asText();
    }

    static boolean optionalBoolean(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw new DemoApi.InvalidRequest(field + " must be true or false.");
        }
        return n.asBoolean();
    }

    static int intField(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new DemoApi.InvalidRequest(field + " must be an integer.");
        }
        return n.asInt();
    }

    static Integer optionalNonNegative(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            return null;
        }
        int v = intField(body, field);
        if (v < 0) {
            throw new DemoApi.InvalidRequest(field + " must not be negative.");
        }
        return v;
    }

    static Instant optionalInstant(JsonNode body, String field) {
        String s = optionalString(body, field);
        if (s == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new DemoApi.InvalidRequest(field + " must be an ISO-8601 timestamp with an offset.");
        }
    }

    static String contentDisposition(String name) {
        if (name == null) {
            return "attachment";
        }
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '_' : c);
        }
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
