package app.glow.inspector.service;

import app.glow.inspector.api.ByteRange;
import app.glow.inspector.api.Cancellation;
import app.glow.inspector.api.GlowApiException;
import app.glow.inspector.api.MediaStream;
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

    /** True for the built-in demo instance (the UI shows a badge). */
    boolean isDemo();

    /** True when the source can report live generation events. */
    boolean isLive();

    GroupsPage groups(GroupsQuery query, Cancellation c) throws GlowApiException;

    GroupIdentity resolve(String groupId, Cancellation c) throws GlowApiException;

    GroupDetail detail(String groupId, Integer offset, Integer limit, Cancellation c) throws GlowApiException;

    MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c) throws GlowApiException;

    /** Opens the server's export ZIP of one group; sources without one answer 501. */
    default MediaStream openExport(String groupId, Cancellation c) throws GlowApiException {
        throw new GlowApiException(GlowApiException.Kind.HTTP, 501, "not_implemented",
                "This source has no export endpoint.", null, null, null);
    }

    /**
     * Streams a whole upload to {@code out}. Sources that can resume a dropped download do so;
     * the bytes are checked against the declared length either way.
     */
    default long save(MediaKind kind, String uploadId, java.io.OutputStream out, Cancellation c)
            throws GlowApiException {
        try (MediaStream s = openUpload(kind, uploadId, null, c)) {
            long n = s.body().transferTo(out);
            if (s.contentLength() >= 0 && n != s.contentLength()) {
                throw new GlowApiException(GlowApiException.Kind.INTEGRITY, 0, "integrity",
                        "The upload ended after " + n + " of " + s.contentLength() + " bytes.", null, null, null);
            }
            return n;
        } catch (java.io.IOException e) {
            throw e instanceof GlowApiException g ? g : new GlowApiException(GlowApiException.Kind.CONNECTION, 0,
                    "connection_failed", "The download failed: " + e.getMessage(), null, null, e);
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
    default void refreshServer(String groupId, Cancellation c) throws GlowApiException {
        throw new UnsupportedOperationException("this source has no server caches");
    }

    @Override
    default void close() {
    }
}
