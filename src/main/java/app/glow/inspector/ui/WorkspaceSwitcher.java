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

    /** Tries a connection (one small page) and reports a line for the user, on the FX thread. */
    void test(GlowConnection connection, Consumer<String> result);

    /** What the connection dialog starts with: the environment, or the remembered connection. */
    ConnectionDialog.Choice prefill();
}
