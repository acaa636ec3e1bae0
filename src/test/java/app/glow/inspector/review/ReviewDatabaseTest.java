package app.glow.inspector.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewDatabaseTest {
    @Test
    void theDataFolderFollowsXdgAndFallsBackToTheHomeFolder() {
        assertEquals(Path.of("/data/x/glow-inspector/reviews.db"),
                ReviewDatabase.defaultPath(Map.of("XDG_DATA_HOME", "/data/x")));
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals(home.resolve(".local/share/glow-inspector/reviews.db"), ReviewDatabase.defaultPath(Map.of()));
        assertEquals(home.resolve(".local/share/glow-inspector/reviews.db"),
                ReviewDatabase.defaultPath(Map.of("XDG_DATA_HOME", "  ")));
    }
}
