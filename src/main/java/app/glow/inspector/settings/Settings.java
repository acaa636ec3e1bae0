package app.glow.inspector.settings;

import app.glow.inspector.service.SafeFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's preferences (column layout, window state) in a small JSON file. Never holds a
 * token. Written to a temporary file and moved into place, so a crash never leaves half a file.
 */
public final class Settings {
    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();
    private ObjectNode root;

    public Settings(Path file) {
        this.file = file;
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
            // a damaged settings file is not worth failing over: start fresh
        }
        return mapper.createObjectNode();
    }

    public synchronized JsonNode get(String key) {
        return root.get(key);
    }

    public synchronized void put(String key, JsonNode value) {
        root.set(key, value);
        save();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private void save() {
        try {
            SafeFiles.write(file, out -> mapper.writerWithDefaultPrettyPrinter().writeValue(out, root));
        } catch (Exception e) {
            // Preferences are a convenience: losing one save must not disturb the user.
        }
    }
}
