package app.glow.inspector.ui.detail.media;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.ui.BackgroundRunner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.media.MediaPlayer;

/**
 * Run in its own JVM by {@link NoAudioDeviceTest} with an ALSA configuration whose default device
 * does not exist: opens the demo's video (which has a sound track) in an inline player, plays it,
 * and prints what the reader would see. A JVM of its own, because the audio configuration is read
 * from the environment, and because a failing audio device once brought a whole JVM down.
 */
public final class NoAudioDeviceProbe {
    private NoAudioDeviceProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (DemoServer demo = DemoServer.start(DemoServer.Options.defaults().withLive(0, 1000))) {
            GlowClient client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.NONE);
            String g = client.groups(GroupsQuery.firstPage(1), Cancellation.none()).groups().get(0).groupId();
            String video = client.groupDetail(g, 0, 500, Cancellation.none()).runs().stream()
                    .flatMap(r -> r.messages().stream()).flatMap(m -> m.videoUploadIds().stream()).findFirst()
                    .orElseThrow();
            CountDownLatch fx = new CountDownLatch(1);
            Platform.startup(fx::countDown);
            fx.await();
            var pool = Executors.newCachedThreadPool();
            MediaController media = new MediaController(new RemoteSource(client, "demo", true, null),
                    new BackgroundRunner(pool, Platform::runLater));
            AtomicReference<InlinePlayer> player = new AtomicReference<>();
            Platform.runLater(() -> {
                player.set(new InlinePlayer(media, MediaKind.VIDEO, video, () -> System.out.println("SAVE OFFERED")));
                new Scene(new StackPane(player.get()), 640, 480);
            });
            String shown = until(20, () -> player.get() != null && player.get().isMuted()
                    ? text(player.get()) : null);
            System.out.println("SHOWN=" + (shown == null ? text(player.get()) : shown));
            Platform.runLater(() -> player.get().player().play());
            String played = until(20, () -> {
                MediaPlayer p = player.get().player();
                return p.getStatus() == MediaPlayer.Status.PLAYING && p.getCurrentTime().toMillis() > 300
                        ? p.getStatus() + " at " + Math.round(p.getCurrentTime().toMillis()) + " ms" : null;
            });
            System.out.println("PLAYED=" + played);
            Platform.runLater(media::close);
            pool.shutdownNow();
        }
        Platform.exit();
        System.exit(0);
    }

    /** The labels the player shows, joined. */
    private static String text(InlinePlayer p) {
        StringBuilder b = new StringBuilder();
        for (var n : p.lookupAll(".label")) {
            if (n instanceof Label l && l.getText() != null && !l.getText().isBlank()) {
                b.append(l.getText()).append(" | ");
            }
        }
        return b.toString();
    }

    /** Polls a question on the FX thread until it has an answer. */
    private static String until(int seconds, java.util.function.Supplier<String> answer) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            var f = new java.util.concurrent.CompletableFuture<String>();
            Platform.runLater(() -> f.complete(answer.get()));
            String a = f.get(5, TimeUnit.SECONDS);
            if (a != null) {
                return a;
            }
            Thread.sleep(100);
        }
        return null;
    }
}
