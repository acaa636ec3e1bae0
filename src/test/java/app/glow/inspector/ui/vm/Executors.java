package app.glow.inspector.ui.vm;

import app.glow.inspector.ui.BackgroundRunner;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Runners for view-model tests: everything on the calling thread, or background work held until released. */
final class Executors {
    private Executors() {
    }

    static BackgroundRunner sameThread() {
        return new BackgroundRunner(Runnable::run, Runnable::run, Runnable::run);
    }

    /** Background work waits in a queue until {@link #runAll()}; results come back on the calling thread. */
    static final class Held implements Executor {
        private final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queue.add(r);
        }

        /** Runs what is queued, including work the queued work adds. */
        void runAll() {
            for (Runnable r = queue.poll(); r != null; r = queue.poll()) {
                r.run();
            }
        }

        int pending() {
            return queue.size();
        }

        BackgroundRunner runner() {
            return new BackgroundRunner(this, this, Runnable::run);
        }
    }
}
