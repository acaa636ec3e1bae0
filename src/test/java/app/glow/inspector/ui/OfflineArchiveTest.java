package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.app.AppConfig;
import app.glow.inspector.archive.ArchiveExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Export from the demo in the app, then open the archive offline in the same window. */
class OfflineArchiveTest extends FxAppSupport {
    @BeforeAll
    static void open() throws Exception {
        launch(AppConfig.demo());
    }


    @Test
    void exportedGroupsOpenOfflineWithTheirConversationAndMedia() throws Exception {
        waitFor(15, () -> table().getItems().size() >= 100);
        List<String> ids = List.of(table().getItems().get(0).groupId(), table().getItems().get(4).groupId(),
                table().getItems().get(9).groupId());
        Path zip = Files.createTempDirectory("glow-archive-test").resolve("review.zip");
        String[] result = new String[1];
        var ws = app.wiring().mainWindow().workspace();
        robot.interact(() -> new app.glow.inspector.ui.export.ExportController(ws.list().runner()).run(ws.source(), ids,
                ArchiveExporter.Options.DEFAULT, zip, stage, m -> result[0] = m));
        waitFor(30, () -> result[0] != null);
        assertTrue(result[0].startsWith("Exported 3 groups"), result[0]);

        robot.interact(() -> app.wiring().mainWindow().openArchive(zip));
        waitFor(15, () -> stage.getTitle().contains("review.zip") && table().getItems().size() == 3);
        assertTrue(stage.getTitle().endsWith("(offline)"), stage.getTitle());
        assertFalse(label("#demoBadge").isVisible());
        var offline = app.wiring().mainWindow().workspace();
        assertFalse(offline.source().isLive());
        assertEquals("Offline", label("#liveStatus").getText());
        robot.interact(() -> table().getSelectionModel().clearAndSelect(
                table().getItems().stream().map(r -> r.groupId()).toList().indexOf(ids.get(0))));
        waitFor(15, () -> ids.get(0).equals(offline.detail().groupId()) && robot.lookup(".message-block")
                .tryQuery().isPresent());
        waitFor(15, () -> robot.lookup(".thumbnail").tryQuery().isPresent());
    }

    @Test
    void aHostileArchiveIsRefusedAndTheAppKeepsWorking() throws Exception {
        Path bad = Files.createTempDirectory("glow-hostile").resolve("evil.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(bad))) {
            z.putNextEntry(new java.util.zip.ZipEntry("../../escape.txt"));
            z.write("x".getBytes());
            z.closeEntry();
        }
        int before = table().getItems().size();
        String title = stage.getTitle();
        robot.interact(() -> app.wiring().mainWindow().openArchive(bad));
        waitFor(10, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(pane.getContentText().contains("escapes"), pane.getContentText());
        robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
        assertEquals(title, stage.getTitle(), "the open source stays");
        assertEquals(before, table().getItems().size());
    }
}
