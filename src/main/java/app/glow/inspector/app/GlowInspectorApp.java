package app.glow.inspector.app;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The desktop application. With no configuration it opens the built-in demo instance. */
public class GlowInspectorApp extends Application {
    private final AppConfig preset;
    private AppWiring wiring;

    public GlowInspectorApp() {
        this(null);
    }

    /** For tests and embedding: open exactly this configuration. */
    public GlowInspectorApp(AppConfig preset) {
        this.preset = preset;
    }

    @Override
    public void init() throws Exception {
        // Runs on the launcher thread: starting the demo server here keeps it off the FX thread.
        AppConfig config = preset != null ? preset
                : AppConfig.from(getParameters() == null ? java.util.List.of() : getParameters().getRaw(),
                System.getenv());
        wiring = AppWiring.create(config, Platform::runLater);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        wiring.mainWindow().show(stage);
        if (wiring.problem() != null) {
            Alert a = new Alert(Alert.AlertType.WARNING, wiring.problem());
            a.setHeaderText("Connection settings");
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
