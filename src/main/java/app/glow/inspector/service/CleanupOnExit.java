package app.glow.inspector.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a temporary file or folder if the process is stopped (Ctrl+C, SIGTERM, System.exit)
 * while it is in use, and on {@link #close()} simply stops guarding it (the owner deletes or
 * moves it). Each guard has its own shutdown hook, removed when the work ends, so nothing global
 * is kept. A SIGKILL or a power cut cannot be caught: those leave a hidden {@code .part} file.
 */
public final class CleanupOnExit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CleanupOnExit.class);

    private final Path path;
    private final Thread hook;

    private CleanupOnExit(Path path) {
        this.path = path;
        this.hook = new Thread(() -> deleteTree(path), "glow-cleanup");
    }

    /** Guards {@code path} (a file, or a folder deleted with all it holds) until closed. */
    public static CleanupOnExit guard(Path path) {
        CleanupOnExit c = new CleanupOnExit(path);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the process is already stopping: the hook runs (or ran) and deletes the path; safe
            LOG.debug("shutdown in progress; {} is deleted by its hook", path.getFileName());
        }
    }

    /** Deletes a file or a folder tree, best effort; a few passes, in case a writer adds a file meanwhile. */
    public static void deleteTree(Path root) {
        for (int pass = 0; pass < 3 && Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS); pass++) {
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(CleanupOnExit::deleteQuietly);
            } catch (IOException | java.io.UncheckedIOException e) {
                // the tree changed while it was walked: the next pass sees what is left
                LOG.debug("cleaning {} (pass {}): {}", root.getFileName(), pass, e.getMessage());
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file that cannot be deleted is only wasted space; say so for diagnosis
            LOG.warn("could not delete the temporary {}: {}", p, e.getMessage());
        }
    }
}
