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
import java.util.List;

/**
 * An empty source: what the window shows when what was asked for at start (an archive that was
 * refused or is missing) cannot be opened, so the reader gets the window and the reason, and can
 * open something else from there.
 */
public final class NothingOpen implements GroupSource {
    @Override
    public String title() {
        return "Nothing open";
    }

    @Override
    public boolean isDemo() {
        return false;
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public GroupsPage groups(GroupsQuery query, Cancellation c) {
        return new GroupsPage(List.of(), null, 0L, List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public GroupIdentity resolve(String groupId, Cancellation c) {
        return new GroupIdentity(false, groupId, null, null);
    }

    @Override
    public GroupDetail detail(String groupId, Integer offset, Integer limit, Cancellation c) {
        return new GroupDetail(false, groupId, null, null, 0, List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c)
            throws SourceException {
        throw new SourceException(SourceException.Reason.NOT_FOUND, "Nothing is open.");
    }
}
