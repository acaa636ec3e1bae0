package app.glow.inspector.api;

import app.glow.inspector.source.Cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenSafetyTest extends MockServerSupport {
    @Test
    void tokenNeverAppearsInToString() {
        GlowConnection c = GlowConnection.of("https://glow.example.edu", TOKEN);
        assertFalse(c.toString().contains(TOKEN));
        assertTrue(c.toString().contains("glow.example.edu"));
    }

    @Test
    void anErrorMessageEchoingTheTokenIsRedacted() {
        server.enqueue(error(401, "unauthorized", "token " + TOKEN + " is revoked"));
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> client.resolveGroup("g", Cancellation.none()));
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertEquals("token [redacted] is revoked", e.getMessage());
    }

    @Test
    void plainHttpIsRefusedForRemoteHostsUnlessAllowed() {
        var e = assertThrows(IllegalArgumentException.class, () -> GlowConnection.of("http://glow.example.edu", TOKEN));
        assertTrue(e.getMessage().contains("unencrypted"));
        assertFalse(e.getMessage().contains(TOKEN));
        GlowConnection.of("http://glow.example.edu", TOKEN, true);
        GlowConnection.of("http://127.0.0.1:8787", TOKEN);
        GlowConnection.of("http://localhost:8787", TOKEN);
    }

    @Test
    void environmentConfiguration() {
        assertNull(GlowConnection.fromEnvironment(Map.of()));
        GlowConnection c = GlowConnection.fromEnvironment(Map.of("GLOW_INSTANCE_URL", "https://g.example/api/",
                "GLOW_TOKEN", TOKEN));
        assertEquals("https://g.example/api/system/groups", c.endpoint("/system/groups").toString());
        assertThrows(IllegalArgumentException.class,
                () -> GlowConnection.fromEnvironment(Map.of("GLOW_INSTANCE_URL", "https://g.example")));
    }
}
