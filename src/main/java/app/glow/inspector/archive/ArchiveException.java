package app.glow.inspector.archive;

import java.io.IOException;

/** An archive that cannot be trusted or read, with a sentence a reviewer understands. */
public final class ArchiveException extends IOException {
    private static final long serialVersionUID = 1L;

    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
