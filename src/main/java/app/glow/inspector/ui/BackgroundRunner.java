package app.glow.inspector.ui;

import app.glow.inspector.source.Cancellation;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way the UI runs work off the FX thread: the work runs on the injected background
 * executor, its result comes back on the FX executor, and a cancelled job reports nothing.
 * Tests inject same-thread executors.
 */
public final class BackgroundRunner {
    private final Executor background;
    private final Executor fx;

    public BackgroundRunner(Executor background, Executor fx) {
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Cancellation cancellation) throws Exception;
    }

    /** A running job; cancel it when its result is no longer wanted. */
    public static final class Job {
        private final Cancellation cancellation = new Cancellation();

        public void cancel() {
            cancellation.cancel();
        }

        public boolean isCancelled() {
            return cancellation.isCancelled();
        }
    }

    public <T> Job submit(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Job job = new Job();
        try {
            background.execute(() -> run(job, work, onSuccess, onFailure));
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            job.cancel(); // the application is closing: nothing will want the result
        }
        return job;
    }

    private <T> void run(Job job, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        {
            T result;
            try {
                result = work.run(job.cancellation);
            } catch (Throwable t) {
                if (!job.isCancelled()) {
                    fx.execute(() -> {
                        if (!job.isCancelled()) {
                            onFailure.accept(t);
                        }
                    });
                }
                return;
            }
            fx.execute(() -> {
                if (!job.isCancelled()) {
                    onSuccess.accept(result);
                }
            });
        }
    }

    /** Runs on the FX executor (used to hop back from other threads, e.g. event listeners). */
    public void onFx(Runnable r) {
        fx.execute(r);
    }
}
