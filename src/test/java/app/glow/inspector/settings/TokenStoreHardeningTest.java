package app.glow.inspector.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** connection.json that others can read, or that is a link, is never loaded silently. */
@Timeout(10)
class TokenStoreHardeningTest {
    private static final String JSON = "{\"url\": \"https://glow.example.edu\", \"token\": \"glwSaved0123456789\"}";
    private final List<String> notices = new ArrayList<>();

    @Test
    void aFileReadableByOthersIsSetBackTo600AndTheLogSaysSo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("connection.json");
        Files.writeString(f, JSON);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        TokenStore.Saved s = new TokenStore(f, notices::add).load();
        assertEquals("glwSaved0123456789", s.token());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("readable or writable by others (rw-r--r--)"), notices.get(0));
        assertTrue(notices.get(0).contains("600"), notices.get(0));

        notices.clear();
        new TokenStore(f, notices::add).load();
        assertTrue(notices.isEmpty(), "a 600 file loads quietly: " + notices);
    }

    @Test
    void aSymbolicLinkIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        Path elsewhere = dir.resolve("planted.json");
        Files.writeString(elsewhere, JSON);
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
        Path f = dir.resolve("connection.json");
        Files.createSymbolicLink(f, elsewhere);
        assertNull(new TokenStore(f, notices::add).load());
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("symbolic link"), notices.get(0));
        assertTrue(Files.exists(elsewhere), "the link's target is left alone");
    }

    @Test
    void aFolderOrADamagedFileIsRefusedWithoutQuotingIt(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("connection.json");
        Files.createDirectory(folder);
        assertNull(new TokenStore(folder, notices::add).load());
        assertTrue(notices.get(0).contains("not a regular file"), notices.toString());

        Path damaged = dir.resolve("other.json");
        Files.writeString(damaged, "{\"token\": glwNotQuoted0123456789");
        Files.setPosixFilePermissions(damaged, PosixFilePermissions.fromString("rw-------"));
        assertNull(new TokenStore(damaged, notices::add).load());
        assertTrue(notices.get(1).contains("not valid JSON"), notices.toString());
        assertFalse(notices.get(1).contains("glwNotQuoted"), notices.toString());
    }
}
