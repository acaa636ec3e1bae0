package app.glow.inspector.service;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.source.SourceException;
import java.io.OutputStream;

/**
 * A source whose detail windows go through a {@link WindowCache}: the conversation, the tool-call
 * index and the cost view ask for the same window and the source is asked once. Everything else
 * passes straight through.
 */
public final class CachingGroupSource implements GroupSource {
    private final GroupSource inner;
    private final WindowCache cache;
    private final String sourceId;

    public CachingGroupSource(GroupSource inner, WindowCache cache, String sourceId) {
        this.inner = inner;
        this.cache = cache;
        this.sourceId = sourceId;
    }

    /** A live event saved something in this group: drop the windows that can have changed. */
    public void groupChanged(String groupId) {
        cache.groupChanged(sourceId, groupId);
    }

    public GroupSource inner() {
        return inner;
    }

    @Override
    public GroupDetail detail(String groupId, Integer offset, Integer limit, Cancellation c) throws SourceException {
        WindowCache.Key key = new WindowCache.Key(sourceId, groupId, offset == null ? 0 : offset, limit);
        GroupDetail hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        GroupDetail fresh = inner.detail(groupId, offset, limit, c);
        cache.put(key, fresh);
        return fresh;
    }

    @Override
    public String title() {
        return inner.title();
    }

    @Override
    public String sourceKey() throws SourceException {
        return inner.sourceKey();
    }

    @Override
    public boolean isDemo() {
        return inner.isDemo();
    }

    @Override
    public boolean isLive() {
        return inner.isLive();
    }

    @Override
    public GroupsPage groups(GroupsQuery query, Cancellation c) throws SourceException {
        return inner.groups(query, c);
    }

    @Override
    public GroupIdentity resolve(String groupId, Cancellation c) throws SourceException {
        return inner.resolve(groupId, c);
    }

    @Override
    public MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c)
            throws SourceException {
        return inner.openUpload(kind, uploadId, range, c);
    }

    @Override
    public MediaStream openExport(String groupId, Cancellation c) throws SourceException {
        return inner.openExport(groupId, c);
    }

    @Override
    public long save(MediaKind kind, String uploadId, OutputStream out, Cancellation c) throws SourceException {
        return inner.save(kind, uploadId, out, c);
    }

    @Override
    public AutoCloseable watch(String lastEventId, app.glow.inspector.api.GenerationWatch.Listener listener) {
        return inner.watch(lastEventId, listener);
    }

    @Override
    public boolean canRefreshServer() {
        return inner.canRefreshServer();
    }

    @Override
    public void refreshServer(String groupId, Cancellation c) throws SourceException {
        if (groupId == null) {
            cache.clear(sourceId);
        } else {
            cache.groupChanged(sourceId, groupId);
        }
        inner.refreshServer(groupId, c);
    }

    @Override
    public void close() {
        cache.clear(sourceId);
        inner.close();
    }
}
