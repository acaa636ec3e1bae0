package app.glow.inspector.ui;

import app.glow.inspector.source.Cancellation;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI runs work off the FX thread. Work runs on one of two injected lanes: the
 * interactive lane for what a person waits for (a window of the open group, a text, opening a
 * group) and the bulk lane for long sweeps (tool-call index, cost breakdown, audit), so slow work
 * never queues in front of fast work. Results come back on the FX executor; a cancelled job
 * reports nothing. Tests inject same-thread executors.
 */
public final class BackgroundRunner {
    private static final Logger log = LoggerFactory.getLogger(BackgroundRunner.class);

    private final Executor interactive;
    private final Executor bulk;
    private final Executor fx;

    public BackgroundRunner(Executor background, Executor fx) {
        this(background, background, fx);
    }

    public BackgroundRunner(Executor interactive, Executor bulk, Executor fx) {
        this.interactive = Objects.requireNonNull(interactive);
        this.bulk = Objects.requireNonNull(bulk);
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

    /**
     * Jobs that belong together (everything one selection started): cancelling the scope cancels
     * them all, and a job submitted to a cancelled scope never runs.
     */
    public final class Scope {
        private final Set<Job> jobs = ConcurrentHashMap.newKeySet();
        private volatile boolean cancelled;

        public <T> Job submit(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            return track(interactive, work, onSuccess, onFailure);
        }

        public <T> Job submitBulk(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            return track(bulk, work, onSuccess, onFailure);
        }

        private <T> Job track(Executor lane, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            Job job = new Job();
            if (cancelled) {
                job.cancel();
                return job;
            }
            jobs.add(job);
            start(lane, job, work, r -> {
                jobs.remove(job);
                onSuccess.accept(r);
            }, t -> {
                jobs.remove(job);
                onFailure.accept(t);
            });
            return job;
        }

        public void cancel() {
            cancelled = true;
            jobs.forEach(Job::cancel);
            jobs.clear();
        }

        public boolean isCancelled() {
            return cancelled;
        }

        /** Jobs still running (for tests and diagnostics). */
        public int active() {
            return jobs.size();
        }
    }

    public Scope newScope() {
        return new Scope();
    }

    public <T> Job submit(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Job job = new Job();
        start(interactive, job, work, onSuccess, onFailure);
        return job;
    }

    public <T> Job submitBulk(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Job job = new Job();
        start(bulk, job, work, onSuccess, onFailure);
        return job;
    }

    private <T> void start(Executor lane, Job job, Work<T> work, Consumer<T> onSuccess,
                           Consumer<Throwable> onFailure) {
        try {
            lane.execute(() -> run(job, work, onSuccess, onFailure));
        } catch (RejectedExecutionException shuttingDown) {
            // the application is closing: nothing will want the result
            log.debug("background work refused while shutting down", shuttingDown);
            job.cancel();
        }
    }

    private <T> void run(Job job, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (job.isCancelled()) {
            return;
        }
        T result;
        try {
            result = work.run(job.cancellation);
        } catch (Throwable t) {
            if (job.isCancelled()) {
                log.debug("a cancelled job ended with {}", t.toString());
                return;
            }
            fx.execute(() -> {
                if (!job.isCancelled()) {
                    onFailure.accept(t);
                }
            });
            return;
        }
        fx.execute(() -> {
            if (!job.isCancelled()) {
                onSuccess.accept(result);
            }
        });
    }

    /** Runs on the FX executor (used to hop back from other threads, e.g. event listeners). */
    public void onFx(Runnable r) {
        fx.execute(r);
    }
}
