package app.glow.inspector.cli;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.archive.ArchiveSource;
import app.glow.inspector.search.ArchiveIndexing;
import app.glow.inspector.search.Indexer;
import app.glow.inspector.search.SearchIndex;
import app.glow.inspector.search.SearchIndexes;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code glow search} and {@code glow index} work on: an archive (indexed whole on first use)
 * or a live instance, with its index in the cache folder and a bounded pool of indexing threads.
 * Closing stops the threads and the HTTP client, so the command ends.
 */
final class IndexTarget implements AutoCloseable {
    /** The options both commands share. */
    static final class Options {
        @Mixin
        ConnectionOptions connection = new ConnectionOptions();

        @Option(names = "--archive", paramLabel = "FILE",
                description = "An exported archive (.zip), searched offline; indexed whole the first time.")
        Path archive;

        @Option(names = "--index-dir", paramLabel = "DIR",
                description = "Where indexes live (default: $XDG_CACHE_HOME/glow-inspector/index).")
        Path indexDir;

        @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
                description = "Groups fetched at once while indexing (default: ${DEFAULT-VALUE}).")
        int concurrency;

        void check() throws UsageError {
            if (concurrency < 1 || concurrency > 32) {
                throw new UsageError("--concurrency must be between 1 and 32");
            }
            if (archive != null && (connection.url != null || connection.tokenFile != null)) {
                throw new UsageError("--archive works offline: leave out --url and --token-file");
            }
        }
    }

    final GroupSource source;
    final SearchIndex index;
    final ExecutorService pool;
    /** Set for an archive: its indexing on open. */
    final ArchiveIndexing.Result archiveResult;
    private final OkHttpClient http;

    private IndexTarget(GroupSource source, SearchIndex index, ExecutorService pool,
                        ArchiveIndexing.Result archiveResult, OkHttpClient http) {
        this.source = source;
        this.index = index;
        this.pool = pool;
        this.archiveResult = archiveResult;
        this.http = http;
    }

    static IndexTarget open(Options o, CliContext ctx, Indexer.Listener archiveListener) throws Exception {
        o.check();
        SearchIndexes indexes = new SearchIndexes(o.indexDir != null ? o.indexDir
                : SearchIndexes.defaultRoot(ctx.env()));
        ExecutorService pool = pool(o.concurrency);
        try {
            if (o.archive != null) {
                ArchiveSource a = ArchiveSource.open(o.archive);
                try {
                    ArchiveIndexing.Result r = new ArchiveIndexing(indexes).open(a, pool, o.concurrency,
                            archiveListener, Cancellation.none());
                    return new IndexTarget(a, r.index(), pool, r, null);
                } catch (IOException | RuntimeException e) {
                    a.close();
                    throw e;
                }
            }
            GlowConnection conn = o.connection.resolve(ctx);
            OkHttpClient http = GlowHttp.newClientFor(conn);
            GlowClient client = new GlowClient(conn, http, GlowJson.newMapper(), RetryPolicy.DEFAULT);
            RemoteSource source = new RemoteSource(client, "cli", false, null);
            return new IndexTarget(source, indexes.open(source.sourceKey()), pool, null, http);
        } catch (Exception e) {
            pool.shutdownNow();
            throw e;
        }
    }

    Indexer indexer(int concurrency) {
        return new Indexer(source, index, pool, concurrency);
    }

    private static ExecutorService pool(int n) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "glow-index-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() throws IOException {
        try {
            pool.shutdownNow();
            index.close();
        } finally {
            source.close();
            if (http != null) {
                // OkHttp's dispatcher threads are not daemons: without this the command would linger
                http.dispatcher().executorService().shutdownNow();
                http.connectionPool().evictAll();
            }
        }
    }
}
