package app.glow.inspector.settings;

import app.glow.inspector.service.GroupLinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    @Test
    void aRememberedTokenIsReadableByTheUserAlone(@TempDir Path dir) throws Exception {
        TokenStore store = new TokenStore(dir.resolve("glow/connection.json"));
        assertNull(store.load());
        store.save(new TokenStore.Saved("https://glow.example.edu", "secret-token-123"));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(store.file()));
        TokenStore.Saved back = store.load();
        assertEquals("https://glow.example.edu", back.url());
        assertEquals("secret-token-123", back.token());
        assertFalse(back.toString().contains("secret-token-123"));
        try (var s = Files.list(store.file().getParent())) {
            assertEquals(1, s.count(), "no temporary file left");
        }
        store.forget();
        assertNull(store.load());
    }

    @Test
    void settingsAreWrittenWholeAndSurviveDamage(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{ not json");
        Settings s = new Settings(f);
        assertNull(s.get("x"));
        s.put("x", s.mapper().getNodeFactory().textNode("y"));
        s.flush(5_000);
        assertEquals("y", new Settings(f).get("x").asText());
        assertTrue(Files.readString(f).contains("\"x\""));
    }

    @Test
    void groupIdsAreFoundInWhateverIsPasted() {
        String id = "538436e0-3662-4100-8000-78f8b1a31f02";
        assertEquals(id, GroupLinks.extractId(id).orElseThrow());
        assertEquals(id, GroupLinks.extractId("  https://glow.example.edu/groups/" + id + "?tab=runs ").orElseThrow());
        assertEquals(id, GroupLinks.extractId("Please review group " + id + ", thanks!").orElseThrow());
        assertEquals("g-42", GroupLinks.extractId("https://glow.example.edu/system?group_id=g-42").orElseThrow());
        assertEquals("g-42", GroupLinks.extractId("g-42").orElseThrow());
        assertTrue(GroupLinks.extractId("   ").isEmpty());
        assertTrue(GroupLinks.extractId("no id here, sorry").isEmpty());
    }
}
