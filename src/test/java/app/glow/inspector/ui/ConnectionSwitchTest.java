package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.app.AppConfig;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.ui.connection.ConnectionDialog;
import java.nio.file.Files;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Switching from the demo to another instance and back; a remembered token is stored privately. */
class ConnectionSwitchTest extends FxAppSupport {
    static DemoServer other;

    @BeforeAll
    static void open() throws Exception {
        other = DemoServer.start(DemoServer.Options.defaults().withGroups(42).withSeed(99).withLive(0, 1000));
        launch(quietDemo());
    }

    @AfterAll
    static void close() throws Exception {
        other.close();
    }

    @Test
    void switchingInstancesReplacesTheListAndTheBadge() throws Exception {
        waitFor(15, () -> table().getItems().size() >= 100);
        String[] tested = new String[1];
        app.wiring().test(GlowConnection.of(other.url(), other.token()), r -> tested[0] = r);
        waitFor(10, () -> tested[0] != null);
        assertEquals("Connected. 42 groups.", tested[0]);
        app.wiring().test(GlowConnection.of(other.url(), "wrong"), r -> tested[0] = r);
        waitFor(10, () -> tested[0].contains("401"));

        robot.interact(() -> app.wiring().mainWindow().switchTo(
                new ConnectionDialog.Choice(other.url(), other.token(), false, true, false)));
        waitFor(15, () -> label("#statusLabel").getText().contains("42 of 42 groups loaded"));
        assertEquals(42, table().getItems().size());
        Label badge = label("#demoBadge");
        assertFalse(badge.isVisible(), "a real instance has no demo badge");
        assertTrue(stage.getTitle().contains("127.0.0.1"), stage.getTitle());
        var remembered = configFolder.resolve("connection.json");
        assertTrue(Files.exists(remembered));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(remembered)));

        robot.interact(() -> app.wiring().mainWindow().switchTo(ConnectionDialog.Choice.demoChoice()));
        waitFor(15, () -> label("#statusLabel").getText().contains("of 500 groups loaded"));
        assertTrue(label("#demoBadge").isVisible());
    }
}
