package app.glow.inspector.ui;

import app.glow.inspector.source.SourceException;

/** One readable sentence for any failure a reviewer may meet; never a Java class name. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(Throwable t) {
        if (t instanceof SourceException s) {
            return s.userMessage();
        }
        if (t instanceof OutOfMemoryError) {
            return "Not enough memory for that. Close other groups or start with more memory.";
        }
        if (t instanceof java.io.IOException) {
            return "A file or network operation failed: " + orDefault(t.getMessage(), "no details were given.");
        }
        return "Something went wrong: " + orDefault(t.getMessage(), "no details were given.")
                + " The details are in the log (Help → Open log folder).";
    }

    private static String orDefault(String m, String fallback) {
        return m == null || m.isBlank() ? fallback : m;
    }
}
