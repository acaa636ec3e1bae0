package app.glow.inspector.bench;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.archive.ArchiveExporter;
import app.glow.inspector.archive.ArchiveSource;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.RemoteSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Exports the two media-rich demo groups while every video upload is a large file (about 1 GB of
 * media in all), under whatever -Xmx the script sets, and prints the export's throughput next to
 * a plain download of the same files (every upload the export holds) from the same instance,
 * once into nothing and once saved to files, and the heap in use at its peak (sampled every
 * 10 ms through the export; demo server included), with the CPU time of each phase and the load.
 * On two cores with the server in the same process every phase is bound by CPU: the export adds
 * SHA-256 (about 0.6 CPU-s per GB here) and the page-cache writes to what a download into
 * nothing costs, which is why it is also measured against downloads that write their files.
 * Run by bench/export.sh; exits with {@link Budget}'s verdict.
 */
public final class ExportBench {
    public static void main(String[] args) throws Exception {
        Budget budget = new Budget();
        Path video = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try (DemoServer server = DemoServer.start(DemoServer.Options.defaults().withLive(0, 15_000)
                .withVideoFile(video))) {
            GlowClient client = new GlowClient(GlowConnection.of(server.url(), server.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.DEFAULT);
            RemoteSource source = new RemoteSource(client, "bench", true, null);
            List<GroupSummary> page = client.groups(GroupsQuery.firstPage(10), Cancellation.none()).groups();
            List<String> ids = List.of(page.get(0).groupId(), page.get(8).groupId());
            // every upload the export holds, of every kind: the plain download moves the same bytes
            record Upload(MediaKind kind, String id) {
            }
            List<Upload> uploads = ids.stream().flatMap(id -> {
                try {
                    return client.groupDetail(id, 0, 500, Cancellation.none()).runs().stream();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).flatMap(r -> r.messages().stream()).flatMap(m -> java.util.Arrays.stream(MediaKind.values())
                    .flatMap(k -> m.uploadIds(k).stream().map(u -> new Upload(k, u)))).distinct().toList();

            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            // once untimed: the demo server makes its synthetic audio, images and documents on first use and
            // hashes each upload once (a real server stores the files and has each hash from upload time)
            for (String id : ids) {
                client.export(id, OutputStream.nullOutputStream(), Cancellation.none());
            }
            warmPageCache(out.resolveSibling("page-warm.bin"), 1_100_000_000L);
            long dc = os.getProcessCpuTime();
            long d0 = System.nanoTime();
            long plain = 0;
            for (Upload u : uploads) {
                plain += client.download(u.kind(), u.id(), null, OutputStream.nullOutputStream(),
                        Cancellation.none()).bytesWritten();
            }
            double plainS = (System.nanoTime() - d0) / 1e9;
            double plainCpu = (os.getProcessCpuTime() - dc) / 1e9;

            // the same downloads each saved to a file, as a browser or curl -o would: what "at disk speed" means
            Path saved = Files.createTempDirectory(out.toAbsolutePath().getParent(), "plain-");
            long f0 = System.nanoTime();
            long fileBytes = 0;
            try {
                int n = 0;
                for (Upload u : uploads) {
                    try (OutputStream o = Files.newOutputStream(saved.resolve("f" + n++))) {
                        fileBytes += client.download(u.kind(), u.id(), null, o, Cancellation.none()).bytesWritten();
                    }
                }
            } finally {
                try (var files = Files.list(saved)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(saved);
            }
            double fileS = (System.nanoTime() - f0) / 1e9;

            // the server's own export ZIPs, read and dropped: the endpoint's own speed
            long r0 = System.nanoTime();
            long raw = 0;
            for (String id : ids) {
                raw += client.export(id, OutputStream.nullOutputStream(), Cancellation.none());
            }
            double rawS = (System.nanoTime() - r0) / 1e9;

            // once untimed, so the timed export runs compiled code, as the plain download above does (the untimed
            // export pass warmed the same download path); its file is then deleted
            new ArchiveExporter(source).export(ids, ArchiveExporter.Options.DEFAULT, out, (g, t, b) -> { },
                    Cancellation.none());
            Files.delete(out);
            System.gc();
            HeapPeak heap = HeapPeak.start();
            long ec = os.getProcessCpuTime();
            long e0 = System.nanoTime();
            try {
                new ArchiveExporter(source).export(ids, ArchiveExporter.Options.DEFAULT, out, (g, t, b) -> { },
                        Cancellation.none());
            } finally {
                heap.stop();
            }
            double exportS = (System.nanoTime() - e0) / 1e9;
            double exportCpu = (os.getProcessCpuTime() - ec) / 1e9;
            long size = Files.size(out);
            long o0 = System.nanoTime();
            try (ArchiveSource a = ArchiveSource.open(out)) {
                System.out.printf("archive verified on open      : %d groups, %d files, in %.1f s%n",
                        a.manifest().groups().size(), a.manifest().files().size(), (System.nanoTime() - o0) / 1e9);
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("max heap                      : %.0f MB%n", rt.maxMemory() / 1e6);
            System.out.printf("plain download of its %d files: %.2f GB in %.1f s = %.0f MB/s (CPU %.1f s, server "
                    + "included)%n", uploads.size(), plain / 1e9, plainS, plain / 1e6 / plainS, plainCpu);
            System.out.printf("the same, saved to files      : %.2f GB in %.1f s = %.0f MB/s%n", fileBytes / 1e9,
                    fileS, fileBytes / 1e6 / fileS);
            System.out.printf("server's export ZIPs, dropped : %.2f GB in %.1f s = %.0f MB/s%n", raw / 1e9, rawS,
                    raw / 1e6 / rawS);
            System.out.printf("export of the two groups      : %.2f GB archive in %.1f s = %.0f MB/s (CPU %.1f s, "
                    + "server included)%n", size / 1e9, exportS, size / 1e6 / exportS, exportCpu);
            System.out.printf("load average, %d cores        : %.1f%n", os.getAvailableProcessors(),
                    os.getSystemLoadAverage());
            System.out.printf("export / plain download time  : %.2f%n", exportS / plainS);
            System.out.printf("heap in use at the peak       : %.0f MB (sampled during the export)%n", heap.peakMB());
            double ratio = (size / exportS) / (plain / plainS);
            budget.atLeast("export / plain download", ratio, 0.8, "x");
            budget.atLeast("export / plain download saved to files", (size / exportS) / (fileBytes / fileS), 0.8,
                    "x");
            budget.atMost("export heap", heap.peakMB(), 256, "MB");
        }
        budget.exit();
    }

    /**
     * Writes and deletes {@code bytes} once, untimed. On a virtual machine the first write into
     * memory the guest has never touched costs a fault on the host per page (measured here: about
     * 2 s per GB on a fresh file, 0.2 s once those pages have been used), which a real disk's page
     * cache does not pay; without this the export would be timed against the machine's boot history.
     */
    private static void warmPageCache(Path file, long bytes) throws java.io.IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(1 << 20);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long n = 0; n < bytes; n += b.capacity()) {
                b.clear();
                ch.write(b);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The most heap in use while it runs, sampled by a daemon thread. */
    private static final class HeapPeak {
        private final java.lang.management.MemoryMXBean memory =
                java.lang.management.ManagementFactory.getMemoryMXBean();
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile long peak;

        private HeapPeak() {
            sampler = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return; // stopped
                    }
                }
            }, "heap-peak");
            sampler.setDaemon(true);
        }

        static HeapPeak start() {
            HeapPeak h = new HeapPeak();
            h.sampler.start();
            return h;
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }

        double peakMB() {
            return peak / 1e6;
        }
    }
}
