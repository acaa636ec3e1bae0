package app.glow.inspector.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
        Files.createDirectories(file.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(file.getParent(), ".connection", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), ".connection", ".tmp");
        try {
            Files.write(tmp, mapper.writeValueAsBytes(Map.of("url", s.url(), "token", s.token())));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }
}
