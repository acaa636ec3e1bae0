package app.glow.inspector.cli;

/** Bad usage: exit code 2 with one clear line. */
final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
