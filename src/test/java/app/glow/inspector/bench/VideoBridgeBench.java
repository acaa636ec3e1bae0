package app.glow.inspector.bench;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.bridge.MediaBridge;
import app.glow.inspector.service.RemoteSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;

/**
 * Time to the first video frame of a large faststart MP4 played through the media bridge, next
 * to the time to download the same file whole from the same instance. Run by bench/video-bridge.sh.
 */
public final class VideoBridgeBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try (DemoServer server = DemoServer.start(DemoServer.Options.defaults().withLive(0, 15_000)
                .withVideoFile(file))) {
            GlowClient client = new GlowClient(GlowConnection.of(server.url(), server.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.DEFAULT);
            String g = client.groups(GroupsQuery.firstPage(1), Cancellation.none()).groups().get(0).groupId();
            String video = client.groupDetail(g, 0, 500, Cancellation.none()).runs().stream()
                    .flatMap(r -> r.messages().stream()).flatMap(m -> m.videoUploadIds().stream()).findFirst()
                    .orElseThrow();
            try (MediaBridge bridge = new MediaBridge(new RemoteSource(client, "bench", true, null))) {
                CountDownLatch fx = new CountDownLatch(1);
                Platform.startup(fx::countDown);
                fx.await();
                long t0 = System.nanoTime();
                CountDownLatch frame = new CountDownLatch(1);
                MediaPlayer[] holder = new MediaPlayer[1];
                Platform.runLater(() -> {
                    MediaPlayer p = new MediaPlayer(new Media(bridge.url(MediaKind.VIDEO, video)));
                    holder[0] = p;
                    p.setMute(true);
                    p.currentTimeProperty().addListener((o, a, t) -> {
                        if (t.toMillis() > 0) {
                            frame.countDown();
                        }
                    });
                    p.setOnError(() -> {
                        System.out.println("player error: " + p.getError());
                        frame.countDown();
                    });
                    p.play();
                });
                frame.await();
                double firstFrameMs = (System.nanoTime() - t0) / 1e6;
                long servedAtFirstFrame = bridge.bytesServed();
                Platform.runLater(() -> holder[0].dispose());

                long d0 = System.nanoTime();
                long bytes = client.download(MediaKind.VIDEO, video, null, OutputStream.nullOutputStream(),
                        Cancellation.none()).bytesWritten();
                double wholeMs = (System.nanoTime() - d0) / 1e6;
                System.out.printf("video size                   : %.1f MB%n", Files.size(file) / 1e6);
                System.out.printf("first frame through the bridge: %,.0f ms (%.1f MB had passed the bridge)%n",
                        firstFrameMs, servedAtFirstFrame / 1e6);
                System.out.printf("whole download (%,d bytes)  : %,.0f ms%n", bytes, wholeMs);
                System.out.printf("ratio first frame / download : %.3f%n", firstFrameMs / wholeMs);
                Platform.exit();
            }
        }
        System.exit(0);
    }
}
