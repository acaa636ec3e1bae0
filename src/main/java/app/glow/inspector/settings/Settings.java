package app.glow.inspector.settings;

import app.glow.inspector.service.SafeFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's preferences (column layout, window state) in a small JSON file. Never holds a
 * token. Written to a temporary file and moved into place, so a crash never leaves half a file.
 */
public final class Settings {
    private static final Logger log = LoggerFactory.getLogger(Settings.class);

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Executor writer;
    /** A save is queued and not started yet: further changes ride along with it. */
    private final AtomicBoolean savePending = new AtomicBoolean();
    private ObjectNode root;

    /** Settings saved by their own background writer thread, never on the caller's (FX) thread. */
    public Settings(Path file) {
        this(file, java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "glow-settings-writer");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Settings saved on {@code writer} (tests pass a same-thread executor). */
    public Settings(Path file, Executor writer) {
        this.file = file;
        this.writer = writer;
        this.root = load();
    }

    /** {@code $XDG_CONFIG_HOME/glow-inspector} or {@code ~/.config/glow-inspector}. */
    public static Path defaultFolder(java.util.Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("glow-inspector");
    }

    private ObjectNode load() {
        try {
            if (Files.isRegularFile(file)) {
                JsonNode n = mapper.readTree(file.toFile());
                if (n instanceof ObjectNode o) {
                    return o;
                }
            }
        } catch (IOException unreadable) {
            // a damaged settings file is not worth failing over: start fresh, and say so in the log
            log.warn("The settings file {} could not be read; starting with defaults: {}", file,
                    unreadable.getMessage());
        }
        return mapper.createObjectNode();
    }

    public synchronized JsonNode get(String key) {
        return root.get(key);
    }

    /** Changes one setting; the file is written in the background, several changes in one write. */
    public synchronized void put(String key, JsonNode value) {
        root.set(key, value);
        if (savePending.compareAndSet(false, true)) {
            writer.execute(this::save);
        }
    }

    /**
     * Waits (at most {@code millis}) for a queued save to reach the disk: called on quit so the
     * last column or window change is not lost with the writer thread.
     */
    public void flush(long millis) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        writer.execute(() -> done.complete(null));
        try {
            done.get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // quitting goes on regardless: at worst the last preference change is not kept
            log.warn("The settings writer did not finish within {} ms; the last change may not be saved", millis);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private void save() {
        byte[] bytes;
        synchronized (this) {
            savePending.set(false);
            try {
                bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            } catch (IOException e) {
                log.warn("The settings could not be serialized; they stay in memory for this session", e);
                return;
            }
        }
        try {
            SafeFiles.write(file, out -> out.write(bytes));
        } catch (Exception e) {
            // Preferences are a convenience: losing one save must not disturb the user; the next change retries.
            log.warn("The settings could not be saved to {}: {}", file, e.getMessage());
        }
    }
}
