package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.app.AppConfig;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.ui.detail.media.MediaController;
import app.glow.inspector.ui.groups.GroupRow;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.ImageView;
import javafx.scene.media.MediaPlayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Thumbnails, players and file chips against the demo instance; bombs and corrupt images. */
class MediaTest extends FxAppSupport {
    static GlowClient api;
    static List<GroupSummary> groups;

    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
        api = ((RemoteSource) app.wiring().mainWindow().workspace().source().inner()).client();
        groups = api.groups(GroupsQuery.firstPage(10), Cancellation.none()).groups();
    }


    private List<Message> messages(GroupSummary g) throws Exception {
        return api.groupDetail(g.groupId(), 0, 500, Cancellation.none()).runs().stream()
                .flatMap(r -> r.messages().stream()).toList();
    }

    private void openGroup(GroupSummary g) throws Exception {
        var ws = app.wiring().mainWindow().workspace();
        robot.interact(() -> ws.list().open(new GroupRow(g, "", "", "")));
        waitFor(15, () -> g.groupId().equals(ws.detail().groupId()) && !ws.detail().conversation().items().isEmpty());
    }

    @Test
    void anImageThumbnailAppearsInTheBubble() throws Exception {
        openGroup(groups.get(0));
        waitFor(15, () -> robot.lookup(".thumbnail").tryQuery().isPresent());
        ImageView v = robot.lookup(".thumbnail").queryAs(ImageView.class);
        assertTrue(v.getImage().getWidth() > 50 && v.getImage().getWidth() <= MediaController.THUMB_W,
                "decoded at thumbnail size: " + v.getImage().getWidth());
    }

    @Test
    void wavMp3AndAacPlayToTheEndThroughTheBridge() throws Exception {
        List<String> audios = messages(groups.get(0)).stream().flatMap(m -> m.audioUploadIds().stream()).toList();
        java.util.Set<String> types = new java.util.HashSet<>();
        for (String audio : audios) {
            try (var s = app.wiring().source().openUpload(MediaKind.AUDIO, audio, null, Cancellation.none())) {
                types.add(s.contentType());
            }
            playToEnd(audio);
        }
        assertTrue(types.containsAll(java.util.Set.of("audio/wav", "audio/mpeg", "audio/mp4")), types.toString());
    }

    private void playToEnd(String audio) throws Exception {
        MediaController media = app.wiring().mainWindow().workspace().detail().media();
        AtomicReference<MediaPlayer> p = new AtomicReference<>();
        boolean[] ended = new boolean[1];
        robot.interact(() -> {
            MediaPlayer player = media.player(MediaKind.AUDIO, audio);
            player.setOnEndOfMedia(() -> ended[0] = true);
            player.play();
            p.set(player);
        });
        waitFor(30, () -> ended[0] || p.get().getStatus() == MediaPlayer.Status.HALTED);
        assertTrue(ended[0], "end of media; status " + p.get().getStatus() + " error " + p.get().getError());
        robot.interact(() -> media.dispose(p.get()));
    }

    @Test
    void aVideoThatCannotPlaySaysWhyAndOffersToSaveIt() throws Exception {
        MediaController media = new MediaController(hostileImages(), app.wiring().mainWindow().workspace().list()
                .runner());
        boolean[] saveOffered = new boolean[1];
        AtomicReference<app.glow.inspector.ui.detail.media.InlinePlayer> player = new AtomicReference<>();
        robot.interact(() -> {
            player.set(new app.glow.inspector.ui.detail.media.InlinePlayer(media, MediaKind.VIDEO, "corrupt",
                    () -> saveOffered[0] = true));
            player.get().player().play();
        });
        waitFor(20, () -> player.get().getChildren().stream().anyMatch(n -> n instanceof javafx.scene.control.Label l
                && l.getText().contains("cannot be played here")));
        robot.interact(() -> player.get().getChildren().stream().filter(n -> n instanceof javafx.scene.control.Button)
                .map(n -> (javafx.scene.control.Button) n).findFirst().orElseThrow().fire());
        assertTrue(saveOffered[0], "Save file is offered instead");
        robot.interact(media::close);
    }

    @Test
    void aVideoFrameIsDisplayedAndOnlyOnePlayerPlays() throws Exception {
        String video = messages(groups.get(0)).stream().flatMap(m -> m.videoUploadIds().stream()).findFirst()
                .orElseThrow();
        String audio = messages(groups.get(0)).stream().flatMap(m -> m.audioUploadIds().stream()).findFirst()
                .orElseThrow();
        MediaController media = app.wiring().mainWindow().workspace().detail().media();
        AtomicReference<MediaPlayer> v = new AtomicReference<>();
        AtomicReference<MediaPlayer> a = new AtomicReference<>();
        robot.interact(() -> {
            v.set(media.player(MediaKind.VIDEO, video));
            var view = new javafx.scene.media.MediaView(v.get());
            stage.getScene().getRoot().getChildrenUnmodifiable();
            v.get().setCycleCount(MediaPlayer.INDEFINITE);
            v.get().play();
            view.getProperties().put("keep", Boolean.TRUE);
        });
        waitFor(20, () -> v.get().getStatus() == MediaPlayer.Status.PLAYING
                && v.get().getMedia().getWidth() == 480 && v.get().getCurrentTime().toMillis() > 0);
        assertEquals(270, v.get().getMedia().getHeight());
        robot.interact(() -> {
            a.set(media.player(MediaKind.AUDIO, audio));
            a.get().play();
        });
        waitFor(20, () -> a.get().getStatus() == MediaPlayer.Status.PLAYING
                && v.get().getStatus() == MediaPlayer.Status.PAUSED);
        robot.interact(() -> {
            media.dispose(v.get());
            media.dispose(a.get());
        });
    }

    @Test
    void aPlayerKeepsPlayingWhileTheConversationRedraws() throws Exception {
        openGroup(groups.get(0));
        var detail = app.wiring().mainWindow().workspace().detail();
        MediaController media = detail.media();
        waitFor(15, () -> robot.lookup(".attachment-audio").tryQuery().isPresent());
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup(".attachment-audio").query()).fire());
        waitFor(10, () -> media.livePlayers() == 1);
        // a find redraws every row on screen, as a flag or a note does: the player is left alone
        robot.interact(() -> detail.find().find("the"));
        robot.interact(() -> detail.find().find(""));
        robot.interact(() -> detail.conversation().selectedRunProperty().set(0));
        Thread.sleep(300);
        assertEquals(1, media.livePlayers(), "the player survives the redraw");
        openGroup(groups.get(5));
        waitFor(10, () -> media.livePlayers() == 0);
    }

    @Test
    void playersAreDisposedWhenTheGroupChanges() throws Exception {
        openGroup(groups.get(0));
        MediaController media = app.wiring().mainWindow().workspace().detail().media();
        waitFor(15, () -> robot.lookup(".attachment-audio").tryQuery().isPresent());
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup(".attachment-audio").query()).fire());
        waitFor(10, () -> media.livePlayers() >= 1);
        openGroup(groups.get(5));
        waitFor(10, () -> media.livePlayers() == 0);
    }

    @Test
    void hostileFileNamesAreShownSanitized() throws Exception {
        GroupSummary g = groups.stream().filter(x -> x.groupName().contains("oddly named")).findFirst().orElseThrow();
        openGroup(g);
        waitFor(15, () -> robot.lookup(".file-info").queryAll().stream().map(n -> ((javafx.scene.control.Label) n)
                .getText()).anyMatch(t -> t.startsWith("passwd · ")));
        List<String> names = robot.lookup(".file-info").queryAll().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
        for (String label : names) {
            String n = label.substring(0, label.indexOf(" · "));
            assertTrue(!n.contains("/") && !n.contains("\\") && !n.contains("\r") && !n.contains("\n")
                    && !n.contains("\u0000"), n);
        }
        assertTrue(names.stream().anyMatch(n -> n.startsWith("_CON · ")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("upload-")), "an empty name falls back: " + names);
    }

    /** A source whose images are a 100,000 × 100,000 PNG header and a corrupt PNG. */
    static GroupSource hostileImages() {
        return new app.glow.inspector.service.StubSource() {
            @Override
            public MediaStream openUpload(MediaKind k, String id, ByteRange r, Cancellation c) {
                byte[] bytes;
                if (id.equals("bomb")) {
                    ByteBuffer b = ByteBuffer.allocate(64);
                    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
                    b.putInt(100_000).putInt(100_000);
                    bytes = b.array();
                } else {
                    bytes = "\u0089PNG this is not really an image".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                }
                return new MediaStream(200, "image/png", bytes.length, 0, bytes.length, null, null, false,
                        new ByteArrayInputStream(bytes), () -> { });
            }
        };
    }

    @Test
    void imageBombsAndCorruptImagesAreRefusedWithAReason() throws Exception {
        MediaController media = new MediaController(hostileImages(), new BackgroundRunner(Runnable::run, Runnable::run));
        String[] reason = new String[2];
        media.thumbnail("bomb", img -> reason[0] = "decoded!", r -> reason[0] = r);
        media.thumbnail("corrupt", img -> reason[1] = "decoded!", r -> reason[1] = r);
        assertTrue(reason[0].contains("100,000 × 100,000") && reason[0].contains("50-megapixel"), reason[0]);
        assertTrue(reason[1].startsWith("The image could not be decoded"), reason[1]);
        media.close();
    }
}
