package app.glow.inspector.bench;

import app.glow.inspector.ui.MainWindow;
import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
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
     * Styles {@code scene} as the app's window is styled (the Primer Light theme and app.css):
     * a bare scene would measure JavaFX's default theme, not what a user scrolls.
     */
    static Scene styledLikeTheApp(Scene scene) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        return scene;
    }
}
