package app.glow.inspector.api;

import app.glow.inspector.source.SourceException;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Every failure of a call to a Glow instance, in one type: an HTTP error with its contract code,
 * a connection failure, a response that is not what the contract promises, a cancelled call, or a
 * download whose bytes cannot be trusted.
 */
public final class GlowApiException extends SourceException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The server answered with a non-2xx status. */
        HTTP,
        /** No answer: refused, reset, timed out, dropped. */
        CONNECTION,
        /** A 2xx answer that does not parse as the contract says. */
        MALFORMED_RESPONSE,
        /** The caller cancelled the call. */
        CANCELLED,
        /** Downloaded bytes failed a check (size, ETag changed while resuming). */
        INTEGRITY
    }

    static final String DEADLINE_CODE = "deadline_exceeded";

    private final Kind kind;
    private final int status;
    private final String code;
    private final Duration retryAfter;
    private final String bodyExcerpt;

    public GlowApiException(Kind kind, int status, String code, String message, Duration retryAfter,
                            String bodyExcerpt, Throwable cause) {
        super(reasonOf(kind, status), message, cause);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.bodyExcerpt = bodyExcerpt;
    }

    /** What an HTTP failure means for a caller that does not speak HTTP. */
    private static Reason reasonOf(Kind kind, int status) {
        return switch (kind) {
            case CONNECTION -> Reason.UNAVAILABLE;
            case MALFORMED_RESPONSE -> Reason.MALFORMED;
            case CANCELLED -> Reason.CANCELLED;
            case INTEGRITY -> Reason.INTEGRITY;
            case HTTP -> switch (status) {
                case 400, 422 -> Reason.BAD_REQUEST;
                case 401, 403 -> Reason.REFUSED;
                case 404, 410 -> Reason.NOT_FOUND;
                case 416 -> Reason.RANGE_NOT_SATISFIABLE;
                case 405, 501 -> Reason.UNSUPPORTED;
                case 429, 503 -> Reason.BUSY;
                default -> status >= 500 ? Reason.UNAVAILABLE : Reason.FAILED;
            };
        };
    }

    static GlowApiException connection(String message, Throwable cause) {
        return new GlowApiException(Kind.CONNECTION, 0, "connection_failed", message, null, null, cause);
    }

    /** The call ran past the overall deadline: a trickling server; not retried. */
    static GlowApiException deadline(String message, Throwable cause) {
        return new GlowApiException(Kind.CONNECTION, 0, DEADLINE_CODE, message, null, null, cause);
    }

    public static GlowApiException cancelled() {
        return new GlowApiException(Kind.CANCELLED, 0, "cancelled", "The request was cancelled.", null, null, null);
    }

    static GlowApiException malformed(String message, String excerpt, Throwable cause) {
        return new GlowApiException(Kind.MALFORMED_RESPONSE, 200, "malformed_response", message, null, excerpt,
                cause);
    }

    static GlowApiException integrity(String message) {
        return new GlowApiException(Kind.INTEGRITY, 0, "integrity", message, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int status() {
        return status;
    }

    /** The contract's error code ({@code not_found}, {@code rate_limited}, ...) or a client-side word. */
    public String code() {
        return code;
    }

    /** The server's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** A short excerpt of a body that was not the contract's error shape, or null. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** Whether a read may be tried again: 429, 502, 503, 504, and connection failures. */
    public boolean isRetryable() {
        return switch (kind) {
            case CONNECTION -> !DEADLINE_CODE.equals(code);
            case HTTP -> status == 429 || status == 502 || status == 503 || status == 504;
            default -> false;
        };
    }

    @Override
    public String userMessage() {
        return switch (kind) {
            case CONNECTION -> "Cannot reach the Glow instance. " + getMessage();
            case HTTP -> switch (status) {
                case 401 -> "The token was refused (401). Check the connection settings.";
                case 403 -> "This token may not read that (403): " + getMessage();
                case 429 -> "The instance is busy (429); try again shortly.";
                default -> describe();
            };
            case MALFORMED_RESPONSE -> "The instance sent something unexpected: " + getMessage();
            case CANCELLED -> "Cancelled.";
            case INTEGRITY -> getMessage();
        };
    }

    /**
     * This failure with every text a server or a library wrote into it (message, code, excerpt)
     * passed through {@code redaction}; the cause is kept for the log, which redacts on its own.
     */
    public GlowApiException redacted(UnaryOperator<String> redaction) {
        GlowApiException copy = new GlowApiException(kind, status, redaction.apply(code), redaction.apply(getMessage()),
                retryAfter, redaction.apply(bodyExcerpt), getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** One line a reviewer can read: status, code and message. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (status > 0 && kind == Kind.HTTP) {
            sb.append("HTTP ").append(status).append(' ');
        }
        sb.append(code).append(": ").append(getMessage());
        return sb.toString();
    }
}
