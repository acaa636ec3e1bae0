package app.glow.inspector.demo;

import app.glow.inspector.demo.DemoIds.Type;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Simulates generations in progress on a few groups: every step emits the next event of the
 * current generation (progress, media progress and completion, complete, saved; now and then an
 * error). A successful generation really adds a run to its group. Events are kept in a bounded
 * log with increasing ids so a client can resume with {@code Last-Event-ID}.
 */
final class LiveGenerator implements AutoCloseable {
    record Event(long id, String type, String groupId, Map<String, Object> data) {
    }

    private static final int LOG_SIZE = 2000;
    private static final int[] TARGETS = {0, 6};

    private final DemoDataset data;
    private final Clock clock;
    private final Deque<Event> log = new ArrayDeque<>();
    private final Object lock = new Object();
    private long nextId = 1;
    private boolean closed;
    private final ScheduledExecutorService timer;
    private List<Runnable> plan = new ArrayList<>();
    private int generation;

    LiveGenerator(DemoDataset data, Clock clock, long stepMillis) {
        this.data = data;
        this.clock = clock;
        if (stepMillis > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-live-generator");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::step, stepMillis, stepMillis, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** Advances the simulation by one event (the timer calls this; tests may too). */
    void step() {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        if (plan.isEmpty()) {
            plan = planGeneration(generation++);
        }
        plan.remove(0).run();
    }

    private List<Runnable> planGeneration(int n) {
        int g = TARGETS[n % TARGETS.length] % data.groupCount;
        GroupSpec s = data.spec(g);
        int k = s.runs.size();
        String groupId = s.id;
        String runId = data.ids.run(g, k);
        boolean fails = n % 3 == 2;
        List<Runnable> steps = new ArrayList<>();
        int total = 4;
        steps.add(() -> progress(groupId, runId, 0, total));
        steps.add(() -> progress(groupId, runId, 1, total));
        if (fails) {
            steps.add(() -> emit("GenerationErrorEvent", groupId, runId,
                    Map.of("message", "The model provider timed out after 30 s while generating the persona's reply.")));
            steps.add(() -> emit("GenerationCompleteEvent", groupId, runId,
                    Map.of("artifact_type", "group", "success", false)));
            return steps;
        }
        String imageId = data.ids.upload(Type.IMAGE, g, k, 2, 0);
        steps.add(() -> emit("GenerationMediaProgressEvent", groupId, runId,
                Map.of("media_kind", "image", "percentage", 50.0)));
        steps.add(() -> progress(groupId, runId, 2, total));
        steps.add(() -> emit("GenerationMediaProgressEvent", groupId, runId,
                Map.of("media_kind", "image", "percentage", 100.0)));
        steps.add(() -> emit("GenerationMediaCompleteEvent", groupId, runId,
                Map.of("media_kind", "image", "upload_id", imageId)));
        steps.add(() -> progress(groupId, runId, 3, total));
        steps.add(() -> progress(groupId, runId, 4, total));
        steps.add(() -> {
            data.addLiveRun(g, clock.instant());
            emit("GenerationCompleteEvent", groupId, runId, Map.of("artifact_type", "group", "success", true));
        });
        steps.add(() -> emit("GenerationSavedEvent", groupId, runId, Map.of("artifact_type", "group")));
        return steps;
    }

    private void progress(String groupId, String runId, int done, int total) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("completed_resources", done);
        m.put("total_resources", total);
        m.put("percentage", done * 100.0 / total);
        emit("GenerationProgressEvent", groupId, runId, m);
    }

    private void emit(String type, String groupId, String runId, Map<String, Object> extra) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("group_id", groupId);
        d.put("run_id", runId);
        d.putAll(extra);
        synchronized (lock) {
            log.addLast(new Event(nextId++, type, groupId, d));
            while (log.size() > LOG_SIZE) {
                log.removeFirst();
            }
            lock.notifyAll();
        }
    }

    /** The id of the newest event, 0 when none. */
    long lastId() {
        synchronized (lock) {
            return nextId - 1;
        }
    }

    /**
     * Events after {@code afterId}, waiting up to {@code waitMillis} for one to arrive; empty on
     * time-out. Null once closed.
     */
    List<Event> await(long afterId, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        synchronized (lock) {
            while (true) {
                if (closed) {
                    return null;
                }
                if (nextId - 1 > afterId) {
                    List<Event> out = new ArrayList<>();
                    for (Event e : log) {
                        if (e.id() > afterId) {
                            out.add(e);
                        }
                    }
                    return out;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return List.of();
                }
                lock.wait(left);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
