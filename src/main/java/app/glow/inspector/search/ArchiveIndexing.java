package app.glow.inspector.search;

import app.glow.inspector.service.GroupSource;
import app.glow.inspector.source.Cancellation;
import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * An opened archive is indexed whole, once: its index is keyed by the source's key (for an
 * archive, the SHA-256 of the file) and marked complete when every group is in, so opening the
 * same archive again (under any name) reuses it without reading a single group.
 */
public final class ArchiveIndexing {
    static final String COMPLETE = "archive-complete";

    /** The archive's index, and whether it was already complete. */
    public record Result(SearchIndex index, String sourceKey, boolean reused, Indexer.Report report) {
    }

    private final SearchIndexes indexes;

    public ArchiveIndexing(SearchIndexes indexes) {
        this.indexes = indexes;
    }

    /**
     * Opens the archive's index, indexing the archive first unless an earlier open completed it.
     * The caller closes the index. A cancelled or partly failed run is not marked complete: the
     * next open carries on (groups already in are skipped). Hashes the archive: call it off the
     * FX thread.
     */
    public Result open(GroupSource archive, Executor executor, int concurrency, Indexer.Listener l, Cancellation c)
            throws IOException {
        String key = archive.sourceKey();
        SearchIndex index = indexes.open(key);
        try {
            if (key.equals(index.mark(COMPLETE))) {
                return new Result(index, key, true, null);
            }
            Indexer.Report r = new Indexer(archive, index, executor, concurrency).indexAll(l, c);
            if (!r.cancelled() && r.failed() == 0) {
                index.putMark(COMPLETE, key);
                index.commit();
            }
            return new Result(index, key, false, r);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }
}
