package app.glow.inspector.source;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A handle a caller keeps to cancel work in flight: an HTTP call is cancelled, a retry wait ends
 * at once, a long loop stops at its next check, and the work fails with
 * {@link SourceException.Reason#CANCELLED}.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private final CountDownLatch latch = new CountDownLatch(1);

    /** A fresh handle that nobody cancels. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            latch.countDown();
            for (Runnable hook : hooks) {
                hook.run();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs {@code hook} on cancel (at once if already cancelled); close the result to unregister. */
    public Registration onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get()) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    /** Throws a {@link SourceException} (reason CANCELLED) once cancelled; for long loops. */
    public void throwIfCancelled() throws SourceException {
        if (cancelled.get()) {
            throw SourceException.cancelled();
        }
    }

    /**
     * Sleeps, waking early when cancelled (or interrupted).
     *
     * @return false when the sleep ended because of a cancel, true when the time ran out
     */
    public boolean sleep(long millis) {
        try {
            return !latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Unregisters a cancel hook. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
