package app.glow.inspector.bench;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.search.Indexer;
import app.glow.inspector.search.SearchIndex;
import app.glow.inspector.search.SearchResults;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.source.SourceException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * Indexes N groups of the demo instance and prints indexing throughput (messages/s) and the median
 * query time, next to the time to fetch the same texts (same windows, same uploads, same
 * concurrency) without indexing. Run by bench/search.sh.
 */
public final class SearchBench {
    static final String[] QUERIES = {"\"base case\"", "recurs*", "role:assistant", "model:gpt-4o",
        "template:lookup_rubric", "file:main.py", "segmentation fault", "rubric AND role:tool",
        "\"office hours\" NOT role:system", "date:[2026-11-20 TO 2026-11-22]", "deserved OR unfair",
        "group:recursion AND role:user", "autograder", "NULL pointer", "\"empty list\" model:claude*"};
    static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path indexDir = Path.of(args.length > 2 ? args[2] : "target/bench/search-index");
        OkHttpClient http = GlowHttp.newClient();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try (DemoServer server = DemoServer.start(DemoServer.Options.defaults().withGroups(groups)
                .withLive(0, 15_000))) {
            GlowClient client = new GlowClient(GlowConnection.of(server.url(), server.token()), http,
                    GlowJson.newMapper(), RetryPolicy.DEFAULT);
            GroupSource source = new RemoteSource(client, "bench", true, null);
            System.out.printf("groups: %,d   concurrency: %d   max heap: %.0f MB%n", groups, concurrency,
                    Runtime.getRuntime().maxMemory() / 1e6);

            // warm-up of both paths (JIT, the server's caches), not measured
            int warm = Math.min(groups, 300);
            fetchOnly(source, pool, concurrency, warm);
            try (SearchIndex scratch = SearchIndex.open(indexDir.resolveSibling(indexDir.getFileName() + "-warm-up"))) {
                scratch.clear();
                new Indexer(source, scratch, pool, concurrency).indexIds(firstIds(source, warm),
                        Indexer.Listener.NONE, Cancellation.none());
                scratch.clear();
            }
            System.out.printf("load average before            : %.1f on %d cores%n", load(), cores());

            long f0 = System.nanoTime();
            long[] fetched = fetchOnly(source, pool, concurrency, groups);
            double fetchS = (System.nanoTime() - f0) / 1e9;
            System.out.printf("fetch only (windows + texts)   : %,d messages, %,d requests in %.1f s = %,.0f messages/s%n",
                    fetched[0], fetched[1], fetchS, fetched[0] / fetchS);

            try (SearchIndex index = SearchIndex.open(indexDir)) {
                index.clear();
                Indexer indexer = new Indexer(source, index, pool, concurrency);
                long i0 = System.nanoTime();
                Indexer.Report r = indexer.indexAll(Indexer.Listener.NONE, Cancellation.none());
                double indexS = (System.nanoTime() - i0) / 1e9;
                System.out.printf("fetch + index (indexAll)       : %,d messages of %,d groups in %.1f s = %,.0f "
                        + "messages/s (%d failed)%n", r.messages(), r.indexed(), indexS, r.messages() / indexS,
                        r.failed());
                System.out.printf("indexing / fetch-only time     : %.2f%n", indexS / fetchS);
                System.out.printf("index on disk                  : %.1f MB%n", index.sizeBytes() / 1e6);

                long s0 = System.nanoTime();
                Indexer.Report again = indexer.indexAll(Indexer.Listener.NONE, Cancellation.none());
                System.out.printf("second run, all unchanged      : %,d skipped in %.1f s%n", again.skipped(),
                        (System.nanoTime() - s0) / 1e9);

                queries(index);
            }
            System.out.printf("load average after             : %.1f on %d cores%n", load(), cores());
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap in use at the end         : %.0f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
        } finally {
            pool.shutdownNow();
            http.dispatcher().executorService().shutdownNow();
            http.connectionPool().evictAll();
        }
        System.exit(0);
    }

    static List<String> firstIds(GroupSource source, int n) throws Exception {
        return source.groups(GroupsQuery.firstPage(Math.min(n, 500)), Cancellation.none()).groups().stream()
                .map(GroupSummary::groupId).toList();
    }

    /** Other work on the machine skews every figure: say how busy it was. */
    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static void queries(SearchIndex index) throws Exception {
        List<Double> all = new ArrayList<>();
        System.out.printf("query times (best 100 hits with snippets, every hit counted per group), %d runs each:%n",
                RUNS);
        for (String q : QUERIES) {
            index.search(q, 100, ZoneOffset.UTC); // warm-up
            List<Double> times = new ArrayList<>();
            long hits = 0;
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                SearchResults r = index.search(q, 100, ZoneOffset.UTC);
                times.add((System.nanoTime() - t0) / 1e6);
                hits = r.totalHits();
            }
            all.addAll(times);
            times.sort(Double::compare);
            System.out.printf("  %-40s %,9d hits  median %7.1f ms%n", q, hits, times.get(times.size() / 2));
        }
        all.sort(Double::compare);
        System.out.printf("all queries                    : median %.1f ms   p90 %.1f ms   max %.1f ms%n",
                all.get(all.size() / 2), all.get((int) (all.size() * 0.9)), all.get(all.size() - 1));
    }

    /**
     * What indexing fetches, without indexing: every group's detail windows (200 messages), each
     * message once, its text uploads (first MiB) and its file names (one byte).
     * Returns {messages, requests}.
     */
    static long[] fetchOnly(GroupSource source, ExecutorService pool, int concurrency, int limit) throws Exception {
        AtomicLong messages = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Semaphore slots = new Semaphore(concurrency); // as the indexer: a group starts when any one ends
        String token = null;
        int seen = 0;
        do {
            GroupsQuery q = GroupsQuery.firstPage(500);
            GroupsPage page = source.groups(token == null ? q : q.withPageToken(token), Cancellation.none());
            requests.incrementAndGet();
            for (GroupSummary g : page.groups()) {
                if (seen++ >= limit) {
                    break;
                }
                slots.acquire();
                pool.execute(() -> {
                    try {
                        fetchGroup(source, g.groupId(), messages, requests);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        slots.release();
                    }
                });
            }
            token = page.nextPageToken();
        } while (token != null && seen < limit);
        slots.acquire(concurrency);
        slots.release(concurrency);
        if (failure.get() != null) {
            throw failure.get();
        }
        return new long[] {messages.get(), requests.get()};
    }

    private static void fetchGroup(GroupSource source, String id, AtomicLong messages, AtomicLong requests)
            throws Exception {
        Set<String> ids = new HashSet<>();
        int offset = 0;
        while (true) {
            GroupDetail d = source.detail(id, offset, 200, Cancellation.none());
            requests.incrementAndGet();
            for (RunWithMessages rm : d.runs()) {
                for (Message m : rm.messages()) {
                    if (!ids.add(m.id())) {
                        continue;
                    }
                    messages.incrementAndGet();
                    for (String t : m.textUploadIds()) {
                        read(source, MediaKind.TEXT, t, ByteRange.of(0, (1 << 20) - 1));
                        requests.incrementAndGet();
                    }
                    for (String f : m.fileUploadIds()) {
                        read(source, MediaKind.FILE, f, ByteRange.of(0, 0));
                        requests.incrementAndGet();
                    }
                }
            }
            offset += d.windowMessageCount();
            if (d.windowMessageCount() == 0 || offset >= d.totalMessageCount()) {
                return;
            }
        }
    }

    private static void read(GroupSource source, MediaKind kind, String id, ByteRange range) throws Exception {
        try (MediaStream s = source.openUpload(kind, id, range, Cancellation.none())) {
            s.body().readNBytes(1 << 20);
        } catch (SourceException e) {
            if (e.reason() != SourceException.Reason.RANGE_NOT_SATISFIABLE) {
                throw e; // an empty upload is fine; anything else spoils the comparison
            }
        }
    }

    private SearchBench() {
    }
}
