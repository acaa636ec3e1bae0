package app.glow.inspector.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Help → "Open log folder": where the log is and how this desktop opens a folder. */
final class LogFolder {
    private static final Logger LOG = LoggerFactory.getLogger(LogFolder.class);
    private Path folder;
    private Consumer<String> opener;

    void use(Path logFolder, Consumer<String> openDocument) {
        this.folder = logFolder;
        this.opener = openDocument;
    }

    /** Opens the folder; says where it is, or why it could not be opened. */
    void open(DialogService dialogs, Consumer<String> status) {
        if (folder == null) {
            dialogs.showWarning("No log folder", "This window was started without a log file.");
            return;
        }
        try {
            Files.createDirectories(folder);
            opener.accept(folder.toUri().toString());
            status.accept("Logs are in " + folder);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Could not open the log folder {}", folder, e);
            dialogs.showWarning("Could not open the log folder", "The log files are in " + folder + ".");
        }
    }
}
