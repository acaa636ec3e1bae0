package app.glow.inspector.ui;

import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.ui.connection.ConnectionDialog;
import java.util.function.Consumer;

/** Opens workspaces for the main window (implemented where objects are wired). */
public interface WorkspaceSwitcher {
    /** Opens a new workspace in the background; exactly one callback runs, on the FX thread. */
    void open(ConnectionDialog.Choice choice, Consumer<Workspace> ready, Consumer<Throwable> failed);

    /** Opens an exported archive (checked in the background) as the data source. */
    void openArchive(java.nio.file.Path file, Consumer<Workspace> ready, Consumer<Throwable> failed);

    /**
     * Opens an archive as a plain source, checked as any archive is (call off the FX thread), for a
     * view that reads it beside the open workspace (compare); the caller closes it.
     */
    app.glow.inspector.service.GroupSource openArchiveSource(java.nio.file.Path file,
                                                             app.glow.inspector.source.Cancellation c)
            throws Exception;

    /** Tries a connection (one small page) and reports a line for the user, on the FX thread. */
    void test(GlowConnection connection, Consumer<String> result);

    /** What the connection dialog starts with: the environment, or the remembered connection. */
    ConnectionDialog.Choice prefill();
}
