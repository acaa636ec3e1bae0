package app.glow.inspector.service;

import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowApiException;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;

/** A Glow instance reached over HTTP; {@code onClose} stops whatever backs it (the demo server). */
public final class RemoteSource implements GroupSource {
    private final GlowClient client;
    private final String title;
    private final boolean demo;
    private final AutoCloseable onClose;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public RemoteSource(GlowClient client, String title, boolean demo, AutoCloseable onClose) {
        this.client = client;
        this.title = title;
        this.demo = demo;
        this.onClose = onClose;
    }

    public GlowClient client() {
        return client;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String sourceKey() {
        // the demo instance gets a new port each start; its data are the same every time
        return demo ? "demo" : client.connection().baseUrl().toString();
    }

    @Override
    public boolean isDemo() {
        return demo;
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public GroupsPage groups(GroupsQuery query, Cancellation c) throws GlowApiException {
        return client.groups(query, c);
    }

    @Override
    public GroupIdentity resolve(String groupId, Cancellation c) throws GlowApiException {
        return client.resolveGroup(groupId, c);
    }

    @Override
    public GroupDetail detail(String groupId, Integer offset, Integer limit, Cancellation c) throws GlowApiException {
        return client.groupDetail(groupId, offset, limit, c);
    }

    @Override
    public MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c)
            throws GlowApiException {
        return client.openDownload(kind, uploadId, range, c);
    }

    @Override
    public MediaStream openExport(String groupId, Cancellation c) throws GlowApiException {
        return client.openExport(groupId, c);
    }

    @Override
    public long save(MediaKind kind, String uploadId, java.io.OutputStream out, Cancellation c)
            throws GlowApiException {
        return client.download(kind, uploadId, null, out, c).bytesWritten(); // resumes after a drop
    }

    @Override
    public AutoCloseable watch(String lastEventId, app.glow.inspector.api.GenerationWatch.Listener listener) {
        return client.watch(null, lastEventId, listener, app.glow.inspector.api.GenerationWatch.Settings.DEFAULT);
    }

    @Override
    public boolean canRefreshServer() {
        return true;
    }

    @Override
    public void refreshServer(String groupId, Cancellation c) throws GlowApiException {
        client.refresh(groupId, c);
    }

    @Override
    public void close() {
        if (onClose != null && closed.compareAndSet(false, true)) {
            try {
                onClose.close();
            } catch (Exception ignored) {
                // closing at exit: nothing useful to report
            }
        }
    }
}
