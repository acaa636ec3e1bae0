package app.glow.inspector.ui.detail.media;

import app.glow.inspector.model.MediaKind;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An inline audio or video player: play/pause, seek, elapsed/total, volume, and for video a
 * frame view and a pop-out window. A file that cannot play says why and offers to save it.
 */
public final class InlinePlayer extends VBox {
    /** Shown above a video that plays muted because the computer has no audio output device. */
    public static final String NO_SOUND_NOTICE = "Playing without sound: no audio output device";
    private final MediaController media;
    private final MediaKind kind;
    private final String uploadId;
    private final Runnable saveFallback;
    private MediaPlayer player;
    private final Button play = new Button(null, new FontIcon(Feather.PLAY));
    private Stage popOut;

    public InlinePlayer(MediaController media, MediaKind kind, String uploadId, Runnable saveFallback) {
        super(4);
        this.media = media;
        this.kind = kind;
        this.uploadId = uploadId;
        this.saveFallback = saveFallback;
        getStyleClass().addAll("inline-player", "inline-player-" + kind.wireName());
        play.getStyleClass().add("player-play");
        play.setAccessibleText("Play or pause");
        play.setTooltip(new Tooltip("Play / pause (Space; ← / → seek 5 s)"));
        play.setOnAction(e -> {
            if (player.getStatus() == MediaPlayer.Status.PLAYING) {
                player.pause();
            } else {
                if (player.getStatus() == MediaPlayer.Status.STOPPED || atEnd()) {
                    player.seek(Duration.ZERO);
                }
                player.play();
            }
        });
        // with the focus anywhere in the player: Space plays or pauses, ←/→ seek five seconds
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case SPACE -> play.fire();
                case LEFT -> player.seek(player.getCurrentTime().subtract(Duration.seconds(5)));
                case RIGHT -> player.seek(player.getCurrentTime().add(Duration.seconds(5)));
                default -> {
                    return;
                }
            }
            e.consume();
        });
        setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // one line for audio, no empty space below
        build(true);
    }

    /** A player and its controls; a video that fails for want of an audio device is built again, muted. */
    private void build(boolean sound) {
        player = media.player(kind, uploadId, sound);
        MediaPlayer p = player;
        play.setGraphic(new FontIcon(Feather.PLAY));
        Slider seek = new Slider(0, 1, 0);
        seek.getStyleClass().add("player-seek");
        HBox.setHgrow(seek, Priority.ALWAYS);
        Label time = new Label("0:00 / …");
        time.getStyleClass().add("player-time");
        time.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never cut to "0:00 / …"
        p.setOnReady(() -> time.setText(format(p.getCurrentTime()) + " / " + format(p.getTotalDuration())));
        Button speed = new Button("1×");
        speed.getStyleClass().addAll("player-speed", "flat");
        speed.setTooltip(new Tooltip("Playback speed (0.5× to 2×)"));
        speed.setAccessibleText("Playback speed");
        speed.setOnAction(e -> {
            double next = nextRate(p.getRate());
            p.setRate(next);
            speed.setText((next == Math.rint(next) ? String.valueOf((int) next) : String.valueOf(next)) + "×");
        });
        Slider volume = new Slider(0, 1, 0.8);
        volume.setPrefWidth(70);
        volume.setTooltip(new Tooltip(sound ? "Volume" : NO_SOUND_NOTICE));
        volume.setDisable(!sound);
        p.volumeProperty().bind(volume.valueProperty());
        p.currentTimeProperty().addListener((o, a, t) -> {
            Duration total = p.getTotalDuration();
            if (!seek.isValueChanging() && total != null && total.greaterThan(Duration.ZERO)
                    && !total.isUnknown() && !total.isIndefinite()) {
                seek.setValue(t.toMillis() / total.toMillis());
            }
            time.setText(format(t) + " / " + (total == null || total.isUnknown() ? "…" : format(total)));
        });
        seek.valueChangingProperty().addListener((o, was, changing) -> {
            Duration total = p.getTotalDuration();
            if (!changing && total != null && !total.isUnknown()) {
                p.seek(total.multiply(seek.getValue()));
            }
        });
        p.statusProperty().addListener((o, a, s) -> play.setGraphic(new FontIcon(
                s == MediaPlayer.Status.PLAYING ? Feather.PAUSE : Feather.PLAY)));
        seek.setAccessibleText("Position");
        volume.setAccessibleText("Volume");
        seek.setTooltip(new Tooltip("Position (← / → seek 5 s)"));
        HBox controls = new HBox(6, play, seek, time, speed, new FontIcon(sound ? Feather.VOLUME_2 : Feather.VOLUME_X),
                volume);
        controls.setAlignment(Pos.CENTER_LEFT);
        getChildren().clear();
        if (!sound) {
            Label notice = new Label(NO_SOUND_NOTICE);
            notice.setId("noSoundNotice");
            notice.getStyleClass().add("player-notice");
            notice.setWrapText(true);
            getChildren().add(notice);
        }
        if (kind == MediaKind.VIDEO) {
            MediaView view = new MediaView(p);
            view.setFitWidth(320);
            view.setPreserveRatio(true);
            view.getStyleClass().add("player-video");
            Button pop = new Button(null, new FontIcon(Feather.EXTERNAL_LINK));
            pop.setTooltip(new Tooltip("Open in its own window"));
            pop.setAccessibleText("Open the video in its own window");
            pop.setOnAction(e -> popOut());
            controls.getChildren().add(pop);
            getChildren().add(new StackPane(view));
        }
        getChildren().add(controls);
        p.setOnError(() -> {
            if (player != p) {
                return; // a player already replaced
            }
            if (sound && kind == MediaKind.VIDEO && MediaController.noAudioDevice(p)) {
                media.dispose(p);
                build(false);
                return;
            }
            String why = MediaController.noAudioDevice(p) ? "this computer has no audio output device"
                    : p.getError() == null ? "unknown error" : p.getError().getMessage();
            Label msg = new Label((kind == MediaKind.VIDEO ? "This video" : "This audio") + " cannot be played here ("
                    + why + "). " + (MediaController.noAudioDevice(p) ? "Save it to play it elsewhere."
                    : "It may use a codec this computer lacks, or be an MP4 whose index is at the end."));
            msg.setWrapText(true);
            msg.getStyleClass().add("text-error");
            Button save = new Button("Save file…");
            save.setOnAction(e -> saveFallback.run());
            getChildren().setAll(msg, save);
        });
    }

    /** Gives the play button the keyboard focus when the chip that made this player had it. */
    public void focusPlay(boolean hadFocus) {
        if (hadFocus) {
            play.requestFocus();
        }
    }

    /** Whether this player plays without sound (no audio output device). */
    public boolean isMuted() {
        return lookup("#noSoundNotice") != null;
    }

    private boolean atEnd() {
        Duration total = player.getTotalDuration();
        return total != null && !total.isUnknown() && player.getCurrentTime().greaterThanOrEqualTo(total);
    }

    public MediaPlayer player() {
        return player;
    }

    private void popOut() {
        if (popOut != null) {
            popOut.toFront();
            return;
        }
        MediaView big = new MediaView(player);
        big.setPreserveRatio(true);
        StackPane root = new StackPane(big);
        root.getStyleClass().add("video-popout");
        big.fitWidthProperty().bind(root.widthProperty());
        big.fitHeightProperty().bind(root.heightProperty());
        popOut = new Stage();
        popOut.setTitle("Video");
        popOut.setScene(new Scene(root, 800, 450));
        popOut.setOnHidden(e -> popOut = null);
        if (getScene() != null) {
            popOut.initOwner(getScene().getWindow());
        }
        popOut.show();
    }

    public void dispose() {
        if (popOut != null) {
            popOut.close();
        }
        media.dispose(player);
    }

    /** 0.5×, 0.75×, 1×, 1.25×, 1.5×, 2×, then back to 0.5×. */
    static double nextRate(double current) {
        double[] rates = {0.5, 0.75, 1, 1.25, 1.5, 2};
        for (double r : rates) {
            if (r > current + 1e-9) {
                return r;
            }
        }
        return rates[0];
    }

    static String format(Duration d) {
        if (d == null || d.isUnknown() || d.isIndefinite()) {
            return "…";
        }
        long s = (long) d.toSeconds();
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
