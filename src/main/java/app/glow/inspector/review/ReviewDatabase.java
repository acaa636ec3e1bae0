package app.glow.inspector.review;

import java.nio.file.Path;
import java.util.Map;

/** Where the review database lives, the same for the app and the CLI. */
public final class ReviewDatabase {
    public static final String FILE_NAME = "reviews.db";

    private ReviewDatabase() {
    }

    /**
     * {@code $XDG_DATA_HOME/glow-inspector/reviews.db}, or {@code ~/.local/share/glow-inspector/reviews.db}
     * when XDG_DATA_HOME is unset or blank (the home folder from the JVM, as the other folders).
     */
    public static Path defaultPath(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("glow-inspector").resolve(FILE_NAME);
    }
}
