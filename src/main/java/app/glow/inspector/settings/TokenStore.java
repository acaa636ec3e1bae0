package app.glow.inspector.settings;

import app.glow.inspector.service.SafeFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A remembered connection (URL and token), only when the user asks for it: a file readable by
 * the user alone (0600), written atomically, separate from the settings.
 */
public final class TokenStore {
    public record Saved(String url, String token) {
        @Override
        public String toString() {
            return "Saved[" + url + ", token=[hidden]]";
        }
    }

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    public TokenStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public Saved load() {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            JsonNode n = mapper.readTree(file.toFile());
            String url = n.path("url").asText(null);
            String token = n.path("token").asText(null);
            return url == null || token == null ? null : new Saved(url, token);
        } catch (IOException unreadable) {
            return null;
        }
    }

    public void save(Saved s) throws IOException {
        try {
            SafeFiles.write(file, out -> out.write(mapper.writeValueAsBytes(Map.of("url", s.url(), "token", s.token()))),
                    true);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }
}
