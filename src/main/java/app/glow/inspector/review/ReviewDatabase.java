package app.glow.inspector.review;

import java.nio.file.Path;
import java.util.Map;

/** Where the review database lives: the user's data folder, shared by the app and the CLI. */
public final class ReviewDatabase {
    private ReviewDatabase() {
    }

    /** {@code $XDG_DATA_HOME/glow-inspector/reviews.db}, else {@code ~/.local/share/glow-inspector/reviews.db}. */
    public static Path defaultPath(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("glow-inspector").resolve("reviews.db");
    }
}
