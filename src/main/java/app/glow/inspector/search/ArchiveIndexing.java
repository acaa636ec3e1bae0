package app.glow.inspector.search;

import app.glow.inspector.service.GroupSource;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Executor;

/**
 * An opened archive is indexed whole, once: its index is keyed by the archive file's SHA-256 and
 * marked complete when every group is in, so opening the same archive again (under any name)
 * reuses it without reading a single group.
 */
public final class ArchiveIndexing {
    static final String COMPLETE = "archive-complete";

    /** The archive's index, and whether it was already complete. */
    public record Result(SearchIndex index, String sha256, boolean reused, Indexer.Report report) {
    }

    private final SearchIndexes indexes;

    public ArchiveIndexing(SearchIndexes indexes) {
        this.indexes = indexes;
    }

    /**
     * Opens the archive's index, indexing the archive first unless an earlier open completed it.
     * The caller closes the index. A cancelled or partly failed run is not marked complete: the
     * next open carries on (groups already in are skipped).
     */
    public Result open(Path archive, GroupSource source, Executor executor, int concurrency, Indexer.Listener l,
                       Cancellation c) throws IOException {
        String sha = sha256(archive, c);
        SearchIndex index = indexes.open(SearchIndexes.archiveKey(sha));
        try {
            if (sha.equals(index.mark(COMPLETE))) {
                return new Result(index, sha, true, null);
            }
            Indexer.Report r = new Indexer(source, index, executor, concurrency).indexAll(l, c);
            if (!r.cancelled() && r.failed() == 0) {
                index.putMark(COMPLETE, sha);
                index.commit();
            }
            return new Result(index, sha, false, r);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256(Path file, Cancellation c) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (c.isCancelled()) {
                    throw SourceException.cancelled();
                }
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
