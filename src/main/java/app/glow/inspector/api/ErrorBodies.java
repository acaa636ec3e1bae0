package app.glow.inspector.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Response;
import okio.BufferedSource;

/** Turns a non-2xx answer into a {@link GlowApiException}, whatever its body holds. */
final class ErrorBodies {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final int PEEK_BYTES = 16 * 1024;
    private static final int EXCERPT_CHARS = 200;

    private ErrorBodies() {
    }

    static GlowApiException toException(Response r, GlowConnection connection) {
        byte[] bytes = peek(r);
        String code = null;
        String message = null;
        try {
            JsonNode root = PLAIN.readTree(bytes);
            JsonNode err = root == null ? null : root.get("error");
            if (err != null && err.isObject()) {
                code = textOrNull(err.get("code"));
                message = textOrNull(err.get("message"));
            }
        } catch (IOException notJson) {
            // An HTML page from a proxy, or nothing: reported below with an excerpt.
        }
        var retryAfter = HttpHeaders.retryAfter(r.header("Retry-After"));
        if (code != null || message != null) {
            return new GlowApiException(GlowApiException.Kind.HTTP, r.code(),
                    code != null ? shorten(connection.redact(code), 80) : defaultCode(r.code()),
                    message != null ? shorten(connection.redact(message), 2_000) : "The server refused the request.",
                    retryAfter, null, null);
        }
        String excerpt = excerpt(bytes, connection::redact);
        String msg = "The server answered HTTP " + r.code()
                + (r.message().isBlank() ? "" : " " + r.message())
                + (excerpt.isEmpty() ? " with an empty body." : " with a body that is not a Glow error: \"" + excerpt
                + "\"");
        if (r.code() == 416) {
            long size = HttpHeaders.unsatisfiedSize(r.header("Content-Range"));
            if (size >= 0) {
                msg = "The requested range is outside the upload (" + size + " bytes).";
            }
        }
        return new GlowApiException(GlowApiException.Kind.HTTP, r.code(), defaultCode(r.code()), msg, retryAfter,
                excerpt, null);
    }

    private static byte[] peek(Response r) {
        try {
            BufferedSource src = r.body().source();
            src.request(PEEK_BYTES);
            long n = Math.min(src.getBuffer().size(), PEEK_BYTES);
            return src.getBuffer().readByteArray(n);
        } catch (IOException | RuntimeException unreadable) {
            return new byte[0];
        }
    }

    /** A server's field cut to a length a person reads, control characters folded to spaces. */
    private static String shorten(String s, int max) {
        String t = s.replaceAll("\\p{Cntrl}", " ");
        return t.length() > max ? t.substring(0, max) + "…" : t;
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 416 -> "range_not_satisfiable";
            case 429 -> "rate_limited";
            case 500 -> "internal";
            case 503 -> "unavailable";
            default -> "http_" + status;
        };
    }

    /**
     * A short readable excerpt of any body: tags dropped, whitespace folded, control chars removed,
     * redacted before it is cut (so a secret is never cut into a visible prefix).
     */
    static String excerpt(byte[] bytes, java.util.function.UnaryOperator<String> redaction) {
        if (bytes == null || bytes.length == 0) {
            return "";
        }
        String s = new String(bytes, 0, Math.min(bytes.length, PEEK_BYTES), StandardCharsets.UTF_8);
        if (bytes.length >= PEEK_BYTES && s.length() > 512) {
            s = s.substring(0, s.length() - 256); // the window's end may cut a secret in two
        }
        s = redaction.apply(s);
        s = s.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]*>", " ")
                .replaceAll("\\p{Cntrl}", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return s.length() > EXCERPT_CHARS ? s.substring(0, EXCERPT_CHARS) + "…" : s;
    }
}
