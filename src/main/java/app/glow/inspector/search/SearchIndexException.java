package app.glow.inspector.search;

import java.io.IOException;

/** The index on disk failed (in use elsewhere, disk full, unreadable); the message says what to do. */
public final class SearchIndexException extends IOException {
    private static final long serialVersionUID = 1L;

    public SearchIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
