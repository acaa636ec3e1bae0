package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.app.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Export from the demo in the app, then open the archive offline in the same window. */
class OfflineArchiveTest extends FxAppSupport {
    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
    }


    @Test
    void exportedGroupsOpenOfflineWithTheirConversationAndMedia() throws Exception {
        waitFor(15, () -> table().getItems().size() >= 100);
        List<String> ids = List.of(table().getItems().get(0).groupId(), table().getItems().get(4).groupId(),
                table().getItems().get(9).groupId());
        Path zip = Files.createTempDirectory("glow-archive-test").resolve("review.zip");
        String[] result = new String[1];
        var ws = app.wiring().mainWindow().workspace();
        // the whole Ctrl+E flow, its dialogs answered by a script: options, then the file
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.fileToSave = zip;
        app.wiring().mainWindow().useDialogs(dialogs);
        robot.interact(() -> {
            table().getSelectionModel().clearSelection();
            for (String id : ids) {
                table().getSelectionModel().select(table().getItems().stream().map(r -> r.groupId()).toList()
                        .indexOf(id));
            }
        });
        robot.interact(() -> app.wiring().mainWindow().exportSelection());
        assertEquals(List.of("export options: 3", "save: Export to [glow-groups.zip]"), dialogs.shown);
        waitFor(30, () -> Files.exists(zip) && ws.list().noticeProperty().get() != null);
        assertTrue(ws.list().noticeProperty().get().startsWith("Exported 3 groups"), ws.list().noticeProperty().get());

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
        ScriptedDialogs dialogs = new ScriptedDialogs();
        app.wiring().mainWindow().useDialogs(dialogs);
        robot.interact(() -> app.wiring().mainWindow().openArchive(bad));
        waitFor(10, () -> !dialogs.shown.isEmpty());
        assertTrue(dialogs.shown.get(0).startsWith("error: This archive cannot be opened"), dialogs.shown.toString());
        assertTrue(dialogs.shown.get(0).contains("escapes"), dialogs.shown.toString());
        assertFalse(dialogs.shown.get(0).contains("Exception"), "no Java class name reaches the screen");
        assertEquals(title, stage.getTitle(), "the open source stays");
        assertEquals(before, table().getItems().size());
    }
}
