package app.glow.inspector.app.logging;

import app.glow.inspector.ui.DialogService;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: an exception nobody caught is logged with its thread and shown once
 * as a readable dialog (never the exception's class name); errors arriving while that dialog is
 * open are logged only, so a failing loop cannot bury the window under dialogs.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(UncaughtErrors.class);

    private final Executor fx;
    private final Supplier<DialogService> dialogs;
    private final Path logFolder;
    private final AtomicBoolean showing = new AtomicBoolean();

    public UncaughtErrors(Executor fx, Supplier<DialogService> dialogs, Path logFolder) {
        this.fx = fx;
        this.dialogs = dialogs;
        this.logFolder = logFolder;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        log.error("Unexpected error in thread {}", thread.getName(), error);
        if (error instanceof OutOfMemoryError || !showing.compareAndSet(false, true)) {
            return;
        }
        fx.execute(() -> {
            try {
                dialogs.get().showError("Something went wrong",
                        "An unexpected error interrupted what the app was doing. Your data is safe and the "
                                + "window keeps working; if something looks wrong, reload (F5). Details were "
                                + "written to the log in " + logFolder + " (Help → Open log folder).");
            } finally {
                showing.set(false);
            }
        });
    }
}
