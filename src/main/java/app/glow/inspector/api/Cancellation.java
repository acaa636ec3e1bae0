package app.glow.inspector.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A handle a caller keeps to cancel a call in flight: the HTTP call is cancelled, a retry wait
 * ends at once, and the call fails with {@link GlowApiException.Kind#CANCELLED}.
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

    /** Throws {@link GlowApiException} (kind CANCELLED) once cancelled; for long loops. */
    public void throwIfCancelled() throws GlowApiException {
        if (cancelled.get()) {
            throw GlowApiException.cancelled();
        }
    }

    /** Sleeps, waking early when cancelled. */
    void sleep(long millis) throws GlowApiException {
        try {
            if (latch.await(millis, TimeUnit.MILLISECONDS)) {
                throw GlowApiException.cancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GlowApiException.cancelled();
        }
    }

    /** Unregisters a cancel hook. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
