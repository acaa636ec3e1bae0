package app.glow.inspector.bench;

import app.glow.inspector.settings.Settings;
import app.glow.inspector.ui.Appearance;
import app.glow.inspector.ui.MainWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;

/** Runs code on the FX thread and waits for it: the benchmarks' one way in. */
final class BenchFx {
    private BenchFx() {
    }

    static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    /**
     * Styles {@code scene} as the app's window is styled: app.css, and the theme and text size a new
     * user gets ({@link Appearance} with fresh settings, applied to the scene's root). A bare scene
     * would measure JavaFX's default theme and text size, not what a user scrolls.
     */
    static Scene styledLikeTheApp(Scene scene) {
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        try {
            new Appearance(new Settings(Files.createTempDirectory("glow-bench-").resolve("settings.json")), Map.of())
                    .attach(scene);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scene;
    }
}
