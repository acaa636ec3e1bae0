package app.glow.inspector.search;

import app.glow.inspector.archive.ArchiveSource;
import app.glow.inspector.service.CachingGroupSource;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.source.Cancellation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Search for one open source: its index, an indexer with its own few threads (so indexing never
 * queues in front of other background work), and live re-indexing. An archive is indexed whole
 * while the session opens (once: later opens reuse the index); a live instance starts with what
 * earlier sessions indexed.
 */
public final class SearchSession implements AutoCloseable {
    private final SearchIndex index;
    private final Indexer indexer;
    private final ExecutorService pool;
    private final Cancellation closing = new Cancellation();
    private final boolean archive;
    private final ArchiveIndexing.Result archiveResult;

    private SearchSession(SearchIndex index, GroupSource source, ExecutorService pool, int concurrency,
                          ArchiveIndexing.Result archiveResult) {
        this.index = index;
        this.pool = pool;
        this.indexer = new Indexer(source, index, pool, concurrency);
        this.archive = archiveResult != null;
        this.archiveResult = archiveResult;
    }

    /**
     * Opens the index of {@code source} in {@code indexes}, indexing an archive first if needed
     * (progress to {@code l}). Fails with a readable message for a source it cannot identify.
     */
    public static SearchSession open(SearchIndexes indexes, GroupSource source, int concurrency, Indexer.Listener l,
                                     Cancellation c) throws IOException {
        GroupSource raw = source instanceof CachingGroupSource cached ? cached.inner() : source;
        ExecutorService pool = pool(concurrency);
        try {
            if (raw instanceof ArchiveSource a) {
                ArchiveIndexing.Result r = new ArchiveIndexing(indexes).open(a, pool, concurrency, l, c);
                return new SearchSession(r.index(), raw, pool, concurrency, r);
            }
            String key = raw.sourceKey(); // the instance URL, or one key for the demo (only its port changes)
            return new SearchSession(indexes.open(key), raw, pool, concurrency, null);
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
    }

    private static ExecutorService pool(int n) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "glow-index-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    public SearchIndex index() {
        return index;
    }

    public Indexer indexer() {
        return indexer;
    }

    /** True for an archive (indexed whole: nothing to add). */
    public boolean isArchive() {
        return archive;
    }

    /** For an archive: how its index came to be (reused, or indexed now). */
    public ArchiveIndexing.Result archiveResult() {
        return archiveResult;
    }

    /** Re-indexes groups touched by live events on the session's threads; {@code done} hears of each. */
    public LiveReindexer liveReindexer(Consumer<Indexer.Outcome> done) {
        return new LiveReindexer(indexer, pool, closing, done);
    }

    @Override
    public void close() throws IOException {
        closing.cancel();
        pool.shutdownNow();
        index.close();
    }
}
