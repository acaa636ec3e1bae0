package app.glow.inspector.service;

import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.source.SourceException;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;

/**
 * Everything the inspector shows comes through here: a live Glow instance (or the demo
 * instance, over HTTP like any other) or, offline, an exported archive.
 */
public interface GroupSource extends AutoCloseable {
    /** What the user is looking at, for the title bar: a host name, "Demo data", an archive name. */
    String title();

    /**
     * A stable name for what this source is, under which reviews and search indexes are kept:
     * the instance URL, "demo" for the built-in instance, or an archive's SHA-256. May read the
     * whole source once (an archive is hashed), so call it off the FX thread.
     */
    default String sourceKey() throws SourceException {
        return "source:" + title();
    }

    /** True for the built-in demo instance (the UI shows a badge). */
    boolean isDemo();

    /** True when the source can report live generation events. */
    boolean isLive();

    GroupsPage groups(GroupsQuery query, Cancellation c) throws SourceException;

    GroupIdentity resolve(String groupId, Cancellation c) throws SourceException;

    GroupDetail detail(String groupId, Integer offset, Integer limit, Cancellation c) throws SourceException;

    MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c) throws SourceException;

    /** Opens the source's own export ZIP of one group; sources without one fail with UNSUPPORTED. */
    default MediaStream openExport(String groupId, Cancellation c) throws SourceException {
        throw new SourceException(SourceException.Reason.UNSUPPORTED, "This source has no export endpoint.");
    }

    /**
     * Streams a whole upload to {@code out}. Sources that can resume a dropped download do so;
     * the bytes are checked against the declared length either way.
     */
    default long save(MediaKind kind, String uploadId, java.io.OutputStream out, Cancellation c)
            throws SourceException {
        try (MediaStream s = openUpload(kind, uploadId, null, c)) {
            long n = s.body().transferTo(out);
            if (s.contentLength() >= 0 && n != s.contentLength()) {
                throw new SourceException(SourceException.Reason.INTEGRITY,
                        "The upload ended after " + n + " of " + s.contentLength() + " bytes.");
            }
            return n;
        } catch (java.io.IOException e) {
            throw e instanceof SourceException g ? g : new SourceException(SourceException.Reason.UNAVAILABLE,
                    "The download failed: " + e.getMessage(), e);
        }
    }

    /**
     * Follows live generation events (only where {@link #isLive()}); close the result to stop.
     *
     * @param lastEventId resume after this event, or null for "from now"
     */
    default AutoCloseable watch(String lastEventId, app.glow.inspector.api.GenerationWatch.Listener listener) {
        throw new UnsupportedOperationException("this source has no live events");
    }

    /** Whether the source has server caches to drop ({@code /system/refresh}). */
    default boolean canRefreshServer() {
        return false;
    }

    /** Asks the server to drop its caches (for one group, or all when null). */
    default void refreshServer(String groupId, Cancellation c) throws SourceException {
        throw new UnsupportedOperationException("this source has no server caches");
    }

    @Override
    default void close() {
    }
}
