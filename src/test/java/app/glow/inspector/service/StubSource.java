package app.glow.inspector.service;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;

/** A source for tests that only serve uploads: everything else is unsupported. */
public abstract class StubSource implements GroupSource {
    @Override
    public String title() {
        return "stub";
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
    public GroupsPage groups(GroupsQuery q, Cancellation c) throws SourceException {
        throw new UnsupportedOperationException();
    }

    @Override
    public GroupIdentity resolve(String id, Cancellation c) throws SourceException {
        throw new UnsupportedOperationException();
    }

    @Override
    public GroupDetail detail(String id, Integer offset, Integer limit, Cancellation c) throws SourceException {
        throw new UnsupportedOperationException();
    }
}
