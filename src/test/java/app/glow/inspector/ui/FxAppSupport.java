package app.glow.inspector.ui;

import app.glow.inspector.app.AppConfig;
import app.glow.inspector.app.GlowInspectorApp;
import app.glow.inspector.ui.groups.GroupRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real application window for a test class, with settings in a temporary folder. */
abstract class FxAppSupport {
    static GlowInspectorApp app;
    static Stage stage;
    static Path configFolder;
    final FxRobot robot = new FxRobot();

    static void launch(AppConfig config) throws Exception {
        configFolder = Files.createTempDirectory("glow-settings");
        stage = FxToolkit.registerPrimaryStage();
        app = (GlowInspectorApp) FxToolkit.setupApplication(() -> new GlowInspectorApp(config, configFolder));
    }

    /** Closes the application after the class; classes with their own servers close them after this. */
    @org.junit.jupiter.api.AfterAll
    static void shutdown() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    TableView<GroupRow> table() {
        return robot.lookup("#groupsTable").queryAs(TableView.class);
    }

    Label label(String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
