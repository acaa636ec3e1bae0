package app.glow.inspector.bench;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

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
}
