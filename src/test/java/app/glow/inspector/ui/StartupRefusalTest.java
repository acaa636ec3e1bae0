package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.app.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --archive} with something that cannot be opened: the window still comes up, with the
 * reason in a dialog, and a pipe is refused rather than waited on (opening it would block).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StartupRefusalTest extends FxAppSupport {
    private Optional<String> dialogText() {
        return robot.listWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> ((DialogPane) w.getScene().getRoot()).getContentText()).findFirst();
    }

    private String startWith(Path archive) throws Exception {
        try {
            launch(AppConfig.archive(archive));
            waitFor(15, () -> stage.isShowing() && dialogText().isPresent());
            assertTrue(stage.getTitle().contains("Nothing open"), stage.getTitle());
            String text = dialogText().orElseThrow();
            assertFalse(text.contains("Exception") || text.contains("java."), text);
            return text;
        } finally {
            shutdown();
        }
    }

    @Test
    void aMissingArchiveShowsTheWindowAndTheReason() throws Exception {
        Path missing = Files.createTempDirectory("glow-start").resolve("gone.zip");
        String text = startWith(missing);
        assertTrue(text.contains("--archive") && text.contains("“gone.zip” does not exist"), text);
    }

    @Test
    void aPipeOrAFolderIsRefusedNotWaitedOn() throws Exception {
        Path dir = Files.createTempDirectory("glow-start");
        assertTrue(startWith(dir).contains("is a folder"));
        Path fifo = dir.resolve("pipe.zip");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        String text = startWith(fifo);
        assertTrue(text.contains("“pipe.zip” is not a regular file"), text);
    }
}
