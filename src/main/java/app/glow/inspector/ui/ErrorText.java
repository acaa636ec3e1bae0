package app.glow.inspector.ui;

import app.glow.inspector.api.GlowApiException;

/** One readable sentence for any failure a reviewer may meet. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(Throwable t) {
        if (t instanceof GlowApiException g) {
            return switch (g.kind()) {
                case CONNECTION -> "Cannot reach the Glow instance. " + g.getMessage();
                case HTTP -> switch (g.status()) {
                    case 401 -> "The token was refused (401). Check the connection settings.";
                    case 403 -> "This token may not read that (403): " + g.getMessage();
                    case 429 -> "The instance is busy (429); try again shortly.";
                    default -> g.describe();
                };
                case MALFORMED_RESPONSE -> "The instance sent something unexpected: " + g.getMessage();
                case CANCELLED -> "Cancelled.";
                case INTEGRITY -> g.getMessage();
            };
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
