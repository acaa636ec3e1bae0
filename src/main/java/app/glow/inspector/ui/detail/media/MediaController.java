package app.glow.inspector.ui.detail.media;

import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.ImageDecoder;
import app.glow.inspector.bridge.MediaBridge;
import app.glow.inspector.service.SafeFiles;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;

/**
 * Media for the open group: thumbnails and the viewer's image (decoded in the background,
 * subsampled to the size shown, image bombs refused from their header), players through the loopback bridge (one plays at a time; all are
 * disposed when the group changes), file details and saving. Thumbnails are cached in memory by
 * upload id and ETag, bounded; nothing is written to disk except files the reader saves.
 */
public final class MediaController implements AutoCloseable {
    public static final double THUMB_W = 220;
    public static final double THUMB_H = 150;

    /** What a file chip shows. */
    public record Meta(String fileName, long size, String contentType) {
    }

    private final GroupSource source;
    private final BackgroundRunner runner;
    private MediaBridge bridge;
    private final Map<String, Image> thumbs = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> e) {
            return size() > 200;
        }
    });
    private final Set<MediaPlayer> players = new LinkedHashSet<>();

    public MediaController(GroupSource source, BackgroundRunner runner) {
        this.source = source;
        this.runner = runner;
    }

    /** The bridge URL of an upload (the bridge starts on first use). */
    public synchronized String url(MediaKind kind, String uploadId) {
        if (bridge == null) {
            try {
                bridge = new MediaBridge(source);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the media bridge", e);
            }
        }
        return bridge.url(kind, uploadId);
    }

    public BackgroundRunner.Job thumbnail(String uploadId, Consumer<Image> ok, Consumer<String> failed) {
        Image hit = thumbs.get(uploadId);
        if (hit != null) {
            ok.accept(hit);
            return null;
        }
        return runner.submit(c -> {
            Shown s = decode(uploadId, (int) THUMB_W, (int) THUMB_H, c);
            thumbs.put(uploadId, s.image());
            return s.image();
        }, ok, t -> failed.accept(reason(t)));
    }

    /** An image decoded for showing: at most the size asked for, and the size of the original. */
    public record Shown(Image image, long sourceWidth, long sourceHeight) {
    }

    /** The image for the viewer, decoded (subsampled) to at most {@code maxW × maxH}. */
    public BackgroundRunner.Job image(String uploadId, int maxW, int maxH, Consumer<Shown> ok,
                                      Consumer<String> failed) {
        return runner.submit(c -> decode(uploadId, maxW, maxH, c), ok, t -> failed.accept(reason(t)));
    }

    private static String reason(Throwable t) {
        return t instanceof ImageDecoder.Refused ? t.getMessage() : ErrorText.of(t);
    }

    /**
     * Decoded subsampled to the target, after the declared size was read (walking the stream as
     * far as a JPEG's size marker, bounded): no image can exhaust the heap.
     */
    private Shown decode(String uploadId, int maxW, int maxH, app.glow.inspector.source.Cancellation c)
            throws Exception {
        ImageDecoder.Decoded d;
        try (MediaStream s = source.openUpload(MediaKind.IMAGE, uploadId, null, c);
             InputStream in = s.body()) {
            d = ImageDecoder.decode(in, maxW, maxH);
        }
        WritableImage img = new WritableImage(d.width(), d.height());
        img.getPixelWriter().setPixels(0, 0, d.width(), d.height(), PixelFormat.getIntArgbInstance(), d.argb(), 0,
                d.width());
        return new Shown(img, d.sourceWidth(), d.sourceHeight());
    }

    public BackgroundRunner.Job meta(MediaKind kind, String uploadId, Consumer<Meta> ok, Consumer<String> failed) {
        return runner.submit(c -> {
            try (MediaStream s = source.openUpload(kind, uploadId, ByteRange.of(0, 0), c)) {
                return new Meta(s.fileName(), s.totalSize(), s.contentType());
            }
        }, ok, t -> failed.accept(ErrorText.of(t)));
    }

    /** A player for an upload; starting it pauses whichever other player was playing. */
    public MediaPlayer player(MediaKind kind, String uploadId) {
        return player(kind, uploadId, true);
    }

    /** A player; without sound, a video's sound tracks are left out (for a computer with no audio device). */
    public MediaPlayer player(MediaKind kind, String uploadId, boolean sound) {
        String url = url(kind, uploadId);
        if (!sound) {
            synchronized (this) {
                url = bridge.silentUrl(kind, uploadId);
            }
        }
        MediaPlayer p = new MediaPlayer(new Media(url));
        p.setOnPlaying(() -> {
            for (MediaPlayer other : Set.copyOf(players)) {
                if (other != p && other.getStatus() == MediaPlayer.Status.PLAYING) {
                    other.pause();
                }
            }
        });
        players.add(p);
        return p;
    }

    /** Whether a player failed only because this computer has no audio output device. */
    public static boolean noAudioDevice(MediaPlayer p) {
        var e = p.getError();
        return e != null && e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT)
                .contains("audio device");
    }

    public void dispose(MediaPlayer p) {
        if (p != null && players.remove(p)) {
            p.dispose();
        }
    }

    /** Stops and frees every player (the group changed). */
    public void disposeAll() {
        for (MediaPlayer p : Set.copyOf(players)) {
            dispose(p);
        }
    }

    public int livePlayers() {
        return players.size();
    }

    /** Saves an upload to {@code target} (complete or not at all), reporting progress 0..1. */
    public BackgroundRunner.Job save(MediaKind kind, String uploadId, Path target, long size, DoubleConsumer progress,
                                     Consumer<String> done) {
        return runner.submit(c -> {
            SafeFiles.write(target, out -> source.save(kind, uploadId, new FilterOutputStream(out) {
                long n;
                long lastReport;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    n += len;
                    if (size > 0 && n - lastReport > 64 * 1024) {
                        lastReport = n;
                        double f = Math.min(1, (double) n / size);
                        runner.onFx(() -> progress.accept(f));
                    }
                }
            }, c));
            return target;
        }, p -> done.accept("Saved to " + p), t -> done.accept("Not saved: " + ErrorText.of(t)));
    }

    @Override
    public synchronized void close() {
        disposeAll();
        if (bridge != null) {
            bridge.close();
            bridge = null; // closing twice (window hidden, then the app stopping) is harmless
        }
    }

}
