package app.glow.inspector.bench;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.service.PricingBook;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.groups.GroupListView;
import app.glow.inspector.ui.groups.GroupListViewModel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Loads every group of a 100,000-group demo instance into the real group table, then scrolls
 * through all of them, and prints the heap used and the FX thread's longest stall (measured by a
 * heartbeat posted to the FX thread every 5 ms). Run by bench/group-list.sh.
 */
public final class GroupListBench {
    public static void main(String[] args) throws Exception {
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (DemoServer server = DemoServer.start(DemoServer.Options.defaults().withGroups(groups).withLive(0, 15_000))) {
            GlowClient client = new GlowClient(GlowConnection.of(server.url(), server.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.DEFAULT);
            RemoteSource source = new RemoteSource(client, "bench", true, null);
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            var background = Executors.newFixedThreadPool(2);
            BackgroundRunner runner = new BackgroundRunner(background, Platform::runLater);
            AtomicReference<GroupListViewModel> vmRef = new AtomicReference<>();
            AtomicReference<GroupListView> viewRef = new AtomicReference<>();
            BenchFx.onFx(() -> {
                GroupListViewModel vm = new GroupListViewModel(source, runner,
                        new app.glow.inspector.ui.AppState(runner, source), new ResourceNames(), new PricingBook(),
                        ZoneId.systemDefault());
                GroupListView view = new GroupListView(vm, ZoneId.systemDefault());
                Stage stage = new Stage();
                stage.setScene(BenchFx.styledLikeTheApp(new Scene(view, 1400, 900)));
                stage.show();
                vmRef.set(vm);
                viewRef.set(view);
                vm.reload();
            });
            GroupListViewModel vm = vmRef.get();
            long baseline = usedAfterGc();
            long t0 = System.nanoTime();
            while (true) {
                boolean[] state = new boolean[2];
                BenchFx.onFx(() -> {
                    state[0] = vm.loadingProperty().get();
                    state[1] = vm.hasMore();
                    if (!state[0] && state[1]) {
                        vm.loadMore();
                    }
                });
                if (!state[0] && !state[1]) {
                    break;
                }
                Thread.sleep(2);
            }
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            int[] rows = new int[1];
            BenchFx.onFx(() -> rows[0] = vm.rows().size());

            long used = usedAfterGc();

            // The same scroll twice, timed both times; the budget is on the second. The first shows what a
            // first scroll costs while the JIT compiles the table's layout code (a short warm-up of 100 jumps
            // was not enough on two cores: the compiler threads still worked for 2.6-3.5 s of the 6.5 s
            // measured scroll, and the longest stall followed them). Every row is loaded already, so nothing
            // else is cached by the first pass.
            var table = viewRef.get().table();
            Scroll first = Scroll.through(table, rows[0]);
            BenchFx.onFx(() -> table.scrollTo(0));
            Thread.sleep(300);
            Scroll scroll = Scroll.through(table, rows[0]);
            List<Long> sorted = scroll.lateness;
            double max = scroll.longestMs();
            double p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99)) / 1e6;
            int step = Scroll.step(rows[0]);
            long scrollMs = scroll.ms;
            long fxCpuMs = scroll.fxCpuMs;
            long jitMs = scroll.jitMs;
            System.out.printf("rows loaded           : %,d (in %,d ms, %d pages)%n", rows[0], loadMs,
                    (rows[0] + 99) / 100);
            System.out.printf("heap used after GC    : %.1f MB in all (demo server and JavaFX included)%n", used / 1e6);
            System.out.printf("heap for the rows     : %.1f MB (%.0f bytes per row)%n", (used - baseline) / 1e6,
                    (double) (used - baseline) / Math.max(1, rows[0]));
            System.out.printf("scroll through all    : %,d ms in %d steps%n", scrollMs, rows[0] / step);
            System.out.printf("FX thread CPU         : %,d ms for the scroll%n", fxCpuMs);
            System.out.printf("JIT compiling meanwhile: %,d ms (all compiler threads)%n", jitMs);
            System.out.printf("first scroll (JIT busy): longest stall %.1f ms, FX thread CPU %,d ms, JIT %,d ms%n",
                    first.longestMs(), first.fxCpuMs, first.jitMs);
            System.out.printf("FX thread stall       : longest %.1f ms, p99 %.1f ms (%d heartbeats)%n", max, p99,
                    sorted.size());
            Budget budget = new Budget();
            budget.atMost(String.format("longest FX stall, scrolling %,d group rows", rows[0]), max, 50, "ms");
            budget.atMost(String.format("heap with %,d rows (after GC, all in)", rows[0]), used / 1e6, 150, "MB");
            background.shutdownNow();
            Platform.exit();
            budget.exit();
        }
    }

    /** One scroll through every row, 400 jumps a frame apart, with the FX thread's lateness (every 5 ms). */
    private static final class Scroll {
        final List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
        long ms;
        long fxCpuMs;
        long jitMs;

        static int step(int rows) {
            return Math.max(1, rows / 400);
        }

        static Scroll through(javafx.scene.control.TableView<?> table, int rows) throws InterruptedException {
            Scroll s = new Scroll();
            // Heartbeat: how late does a runnable posted every 5 ms run on the FX thread?
            var beat = Executors.newSingleThreadScheduledExecutor();
            beat.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> s.lateness.add(System.nanoTime() - posted));
            }, 0, 5, TimeUnit.MILLISECONDS);
            var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            long jit0 = jit.getTotalCompilationTime();
            long[] fxThread = new long[1];
            BenchFx.onFx(() -> fxThread[0] = Thread.currentThread().getId());
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getThreadCpuTime(fxThread[0]);
            long s0 = System.nanoTime();
            for (int i = 0; i < rows; i += step(rows)) {
                int target = i;
                Platform.runLater(() -> table.scrollTo(target));
                Thread.sleep(16);
            }
            BenchFx.onFx(() -> table.scrollTo(rows - 1));
            s.ms = (System.nanoTime() - s0) / 1_000_000;
            s.jitMs = jit.getTotalCompilationTime() - jit0;
            s.fxCpuMs = (threads.getThreadCpuTime(fxThread[0]) - cpu0) / 1_000_000;
            beat.shutdownNow();
            Thread.sleep(50);
            synchronized (s.lateness) {
                Collections.sort(s.lateness);
            }
            return s;
        }

        double longestMs() {
            return lateness.isEmpty() ? 0 : lateness.get(lateness.size() - 1) / 1e6;
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
