package app.glow.inspector.source;

import java.io.IOException;

/**
 * A failure of a {@code GroupSource}, whatever is behind it (a Glow instance over HTTP, or an
 * archive on disk): the reason says what kind of failure it was, in terms a reviewer and the UI
 * can act on, without speaking HTTP. The message is one readable sentence.
 */
public class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The group, upload or page does not exist (or no longer). */
        NOT_FOUND,
        /** The request itself was refused as invalid (bad page token, bad id). */
        BAD_REQUEST,
        /** A byte range outside the upload. */
        RANGE_NOT_SATISFIABLE,
        /** The source does not offer this (no export endpoint, no live events). */
        UNSUPPORTED,
        /** Credentials refused or not allowed. */
        REFUSED,
        /** The source is overloaded; trying later may work. */
        BUSY,
        /** The source cannot be reached or failed on its side. */
        UNAVAILABLE,
        /** The source answered with something that is not what it promises. */
        MALFORMED,
        /** Bytes failed a check (size, hash, changed while resuming). */
        INTEGRITY,
        /** The caller cancelled. */
        CANCELLED,
        /** Anything else. */
        FAILED
    }

    private final Reason reason;

    public SourceException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SourceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public static SourceException cancelled() {
        return new SourceException(Reason.CANCELLED, "The request was cancelled.");
    }

    public Reason reason() {
        return reason;
    }

    /** One sentence a reviewer can act on; sources that know more say more. */
    public String userMessage() {
        if (isCancelled()) {
            return "Cancelled.";
        }
        String m = getMessage();
        return m == null || m.isBlank() ? "The source failed (" + reason.name().toLowerCase().replace('_', ' ') + ")."
                : m;
    }

    public boolean isCancelled() {
        return reason == Reason.CANCELLED;
    }
}
