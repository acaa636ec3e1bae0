package app.glow.inspector.compare;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.source.SourceException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A source that records the windows asked of it, so a test can see nothing was read at once. */
final class CountingSource implements GroupSource {
    final GroupSource inner;
    final List<Integer> limits = new CopyOnWriteArrayList<>();
    /** The most messages a window gets, like a server that caps message_limit. */
    final int cap;

    CountingSource(GroupSource inner) {
        this(inner, Integer.MAX_VALUE);
    }

    CountingSource(GroupSource inner, int cap) {
        this.inner = inner;
        this.cap = cap;
    }

    @Override
    public String title() {
        return inner.title();
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
    public GroupDetail detail(String groupId, Integer offset, Integer limit, Cancellation c) throws SourceException {
        limits.add(limit);
        return inner.detail(groupId, offset, limit == null ? cap : Math.min(limit, cap), c);
    }

    @Override
    public MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c)
            throws SourceException {
        return inner.openUpload(kind, uploadId, range, c);
    }
}
