package app.glow.inspector.settings;

import app.glow.inspector.service.SafeFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remembered connection (URL and token), only when the user asks for it: a file readable by
 * the user alone (0600), written atomically, separate from the settings. On load, a symbolic
 * link (someone could point it at a file they control, or read ours through it) is refused, and
 * a file that others may read or write is set back to 0600; both are said in the log.
 */
public final class TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);
    /** A connection file is a few hundred bytes; anything far larger is not ours. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    public record Saved(String url, String token) {
        @Override
        public String toString() {
            return "Saved[" + url + ", token=[hidden]]";
        }
    }

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Consumer<String> notices;

    public TokenStore(Path file) {
        this(file, LOG::warn);
    }

    /** @param notices where refusals and repairs are told (the log, in the app) */
    public TokenStore(Path file, Consumer<String> notices) {
        this.file = file;
        this.notices = notices;
    }

    public Path file() {
        return file;
    }

    /** The saved connection, or null when there is none or it was refused (the notice says why). */
    public Saved load() {
        if (Files.isSymbolicLink(file)) {
            notices.accept("Ignoring the saved connection " + file + ": it is a symbolic link, which could expose "
                    + "or replace the token. Delete it and save the connection again from the app.");
            return null;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            notices.accept("Ignoring the saved connection " + file + ": it is not a regular file.");
            return null;
        }
        try {
            tightenPermissions();
            byte[] bytes;
            // NOFOLLOW_LINKS: a link swapped in after the check above is still refused
            try (InputStream in = Channels.newInputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)))) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                notices.accept("Ignoring the saved connection " + file + ": it is larger than a connection file.");
                return null;
            }
            JsonNode n = mapper.readTree(bytes);
            String url = n == null ? null : n.path("url").asText(null);
            String token = n == null ? null : n.path("token").asText(null);
            return url == null || token == null ? null : new Saved(url, token);
        } catch (com.fasterxml.jackson.core.JsonProcessingException damaged) {
            // the parser's message may quote the file, token included: say only what is wrong
            notices.accept("Ignoring the saved connection " + file + ": it is not valid JSON.");
            return null;
        } catch (IOException unreadable) {
            notices.accept("Ignoring the saved connection " + file + ": it cannot be read (" + unreadable.getMessage()
                    + ").");
            return null;
        }
    }

    /** Sets the file back to 0600 when group or others have any access, and says so. */
    private void tightenPermissions() throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return; // not a POSIX file system: the platform's own ACLs apply
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        if (perms.stream().anyMatch(OTHERS::contains)) {
            view.setPermissions(PosixFilePermissions.fromString("rw-------"));
            notices.accept("The saved connection " + file + " was readable or writable by others ("
                    + PosixFilePermissions.toString(perms) + "); its permissions are now rw------- (600).");
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
