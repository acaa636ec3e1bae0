package app.glow.inspector.cli;

import app.glow.inspector.api.GlowApiException;

/** One line on standard error and the exit code, for every failure a command can meet. */
final class CliErrors {
    private CliErrors() {
    }

    /** 2 for bad usage, 1 for everything the server or the network did. */
    static int report(Exception e, CliContext ctx, String prefix) {
        if (e instanceof UsageError) {
            ctx.error("glow: " + e.getMessage());
            return 2;
        }
        if (e instanceof GlowApiException g) {
            String excerpt = g.kind() == GlowApiException.Kind.MALFORMED_RESPONSE && g.bodyExcerpt() != null
                    && !g.bodyExcerpt().isBlank() ? " The server sent: \"" + g.bodyExcerpt() + "\"" : "";
            ctx.error("glow: " + prefix + (g.kind() == GlowApiException.Kind.HTTP ? g.describe() : g.getMessage())
                    + excerpt);
            return 1;
        }
        ctx.error("glow: " + prefix + (e.getMessage() == null ? "an unexpected failure" : e.getMessage()));
        return 1;
    }
}
