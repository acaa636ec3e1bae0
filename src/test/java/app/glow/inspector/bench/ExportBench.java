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
    private record Upload(MediaKind kind, String id) {
    }

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
            long plain = 0;
            // untimed too: how many bytes the files hold (each timed writer below writes as many)
            for (Upload u : uploads) {
                plain += client.download(u.kind(), u.id(), null, OutputStream.nullOutputStream(),
                        Cancellation.none()).bytesWritten();
            }

            // the server's own export ZIPs, read and dropped: the endpoint's own speed
            long r0 = System.nanoTime();
            long raw = 0;
            for (String id : ids) {
                raw += client.export(id, OutputStream.nullOutputStream(), Cancellation.none());
            }
            double rawS = (System.nanoTime() - r0) / 1e9;

            // Each measure twice, in turn, keeping the fastest of each: the plain download into nothing, the
            // page cache alone (as many bytes written in 1 MiB blocks and deleted), the same downloads each saved
            // to a file (as a browser or curl -o would), and the export. On this virtual machine a write is cheap
            // into pages a deleted file just gave back and costs several times more into others, so each round
            // starts by writing and deleting as much untimed, and every timed writer deletes its file at once:
            // each one writes into pages the one before freed (the best case for the writers; the download into
            // nothing writes no file). The first round runs the export's code before it is compiled; its time is
            // printed too.
            double plainS = Double.MAX_VALUE;
            double plainCpu = 0;
            double diskS = Double.MAX_VALUE;
            double fileS = Double.MAX_VALUE;
            long fileBytes = 0;
            double exportS = Double.MAX_VALUE;
            double firstExportS = 0;
            double exportCpu = 0;
            long size = 0;
            int archived = 0;
            HeapPeak heap = null;
            for (int round = 0; round < 2; round++) {
                long dc = os.getProcessCpuTime();
                long d0 = System.nanoTime();
                for (Upload u : uploads) {
                    client.download(u.kind(), u.id(), null, OutputStream.nullOutputStream(), Cancellation.none());
                }
                double d = (System.nanoTime() - d0) / 1e9;
                if (d < plainS) {
                    plainS = d;
                    plainCpu = (os.getProcessCpuTime() - dc) / 1e9;
                }

                writeAndDelete(out.resolveSibling("scratch.bin"), plain);

                long w0 = System.nanoTime();
                writeAndDelete(out.resolveSibling("disk.bin"), plain);
                diskS = Math.min(diskS, (System.nanoTime() - w0) / 1e9);

                long f0 = System.nanoTime();
                fileBytes = saveEach(client, uploads, out.toAbsolutePath().getParent());
                fileS = Math.min(fileS, (System.nanoTime() - f0) / 1e9);

                System.gc();
                HeapPeak h = HeapPeak.start();
                long ec = os.getProcessCpuTime();
                long e0 = System.nanoTime();
                try {
                    new ArchiveExporter(source).export(ids, ArchiveExporter.Options.DEFAULT, out, (g, t, b) -> { },
                            Cancellation.none());
                } finally {
                    h.stop();
                }
                double s = (System.nanoTime() - e0) / 1e9;
                firstExportS = round == 0 ? s : firstExportS;
                if (s < exportS) {
                    exportS = s;
                    exportCpu = (os.getProcessCpuTime() - ec) / 1e9;
                }
                heap = heap == null || h.peakMB() > heap.peakMB() ? h : heap;
                size = Files.size(out);
                if (round == 1) {
                    long o0 = System.nanoTime();
                    try (ArchiveSource a = ArchiveSource.open(out)) {
                        archived = a.manifest().files().size();
                        System.out.printf("archive verified on open      : %d groups, %d files, in %.1f s%n",
                                a.manifest().groups().size(), a.manifest().files().size(),
                                (System.nanoTime() - o0) / 1e9);
                    }
                }
                Files.delete(out);
            }
            if (archived != uploads.size()) {
                // the baseline must fetch exactly the files the export holds
                throw new IllegalStateException("the archive holds " + archived + " files, the plain download fetched "
                        + uploads.size());
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("max heap                      : %.0f MB%n", rt.maxMemory() / 1e6);
            System.out.printf("plain download of its %d files: %.2f GB in %.1f s = %.0f MB/s (CPU %.1f s, server "
                    + "included)%n", uploads.size(), plain / 1e9, plainS, plain / 1e6 / plainS, plainCpu);
            System.out.printf("the same, saved to files      : %.2f GB in %.1f s = %.0f MB/s%n", fileBytes / 1e9,
                    fileS, fileBytes / 1e6 / fileS);
            System.out.printf("page cache alone, same bytes : %.2f GB in %.1f s = %.0f MB/s (written in 1 MiB blocks and "
                    + "deleted: memory, not the disk)%n", plain / 1e9, diskS, plain / 1e6 / diskS);
            System.out.printf("server's export ZIPs, dropped : %.2f GB in %.1f s = %.0f MB/s%n", raw / 1e9, rawS,
                    raw / 1e6 / rawS);
            System.out.printf("export of the two groups      : %.2f GB archive in %.1f s = %.0f MB/s (CPU %.1f s, "
                    + "server included; first round, code not yet compiled: %.1f s)%n", size / 1e9, exportS,
                    size / 1e6 / exportS, exportCpu, firstExportS);
            System.out.printf("load average, %d cores        : %.1f%n", os.getAvailableProcessors(),
                    os.getSystemLoadAverage());
            System.out.printf("export / plain download time  : %.2f (saved to files: %.2f)%n", exportS / plainS,
                    exportS / fileS);
            System.out.printf("heap in use at the peak       : %.0f MB (sampled during the export)%n", heap.peakMB());
            double ratio = (size / exportS) / (plain / plainS);
            budget.atLeast("export / plain download", ratio, 0.8, "x");
            budget.atMost("export heap", heap.peakMB(), 256, "MB");
        }
        budget.exit();
    }

    /**
     * Writes {@code bytes} to {@code file} in 1 MiB blocks, closes it and deletes it: what writing that
     * much into the page cache costs (deleted at once, little of it reaches the disk).
     */
    private static void writeAndDelete(Path file, long bytes) throws java.io.IOException {
        byte[] block = new byte[1 << 20];
        new java.util.Random(1).nextBytes(block);
        try (OutputStream o = Files.newOutputStream(file)) {
            for (long n = 0; n < bytes; n += block.length) {
                o.write(block, 0, (int) Math.min(block.length, bytes - n));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Downloads each upload into a file of its own in a fresh folder there, then deletes them; the bytes. */
    private static long saveEach(GlowClient client, List<Upload> uploads, Path parent) throws Exception {
        Path saved = Files.createTempDirectory(parent, "plain-");
        long bytes = 0;
        try {
            int n = 0;
            for (Upload u : uploads) {
                // written in 1 MiB blocks, as the export writes (8 KiB network reads written one by one cost a
                // system call each: 3-4 s per GB here)
                try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(saved.resolve("f" + n++)),
                        1 << 20)) {
                    bytes += client.download(u.kind(), u.id(), null, o, Cancellation.none()).bytesWritten();
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
        return bytes;
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
