package app.glow.inspector.app;

import app.glow.inspector.app.logging.LogRedactor;
import app.glow.inspector.app.logging.LogSetup;
import app.glow.inspector.app.logging.UncaughtErrors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The desktop application. With no configuration it opens the built-in demo instance. */
public class GlowInspectorApp extends Application {
    private final AppConfig preset;
    private final java.nio.file.Path configFolder;
    private AppWiring wiring;
    private java.nio.file.Path logFolder;

    public GlowInspectorApp() {
        this(null, null);
    }

    /** For tests and embedding: open exactly this configuration, keeping settings in that folder. */
    public GlowInspectorApp(AppConfig preset, java.nio.file.Path configFolder) {
        this.preset = preset;
        this.configFolder = configFolder;
    }

    @Override
    public void init() throws Exception {
        // Runs on the launcher thread: starting the demo server here keeps it off the FX thread.
        AppConfig config = preset != null ? preset
                : AppConfig.from(getParameters() == null ? java.util.List.of() : getParameters().getRaw(),
                System.getenv());
        if (configFolder == null) {
            // a real start (tests pass their own folder and keep their own log configuration)
            LogRedactor redactor = new LogRedactor();
            redactor.addSecret(System.getenv(app.glow.inspector.api.GlowConnection.ENV_TOKEN));
            logFolder = LogSetup.folder(System.getenv());
            LogSetup.install(logFolder, redactor, true);
            wiring = AppWiring.create(config, Platform::runLater, redactor);
        } else {
            logFolder = LogSetup.folder(System.getenv());
            wiring = AppWiring.create(config, Platform::runLater, System.getenv(), configFolder);
        }
    }

    @Override
    public void start(Stage stage) {
        wiring.mainWindow().useLogFolder(logFolder, getHostServices()::showDocument);
        wiring.rendering().useOpener(getHostServices()::showDocument);
        if (configFolder == null) {
            Thread.setDefaultUncaughtExceptionHandler(
                    new UncaughtErrors(Platform::runLater, wiring.mainWindow()::dialogs, logFolder));
        }
        wiring.mainWindow().show(stage);
        if (wiring.problem() != null) {
            Alert a = new Alert(Alert.AlertType.WARNING, wiring.problem());
            a.setHeaderText(wiring.problemTitle());
            a.initOwner(stage);
            a.show();
        }
    }

    @Override
    public void stop() {
        if (wiring != null) {
            wiring.close();
        }
    }

    public AppWiring wiring() {
        return wiring;
    }
}
