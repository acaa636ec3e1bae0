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

    /** A new application with its own settings folder: nothing carries over from the class before. */
    static void launch(AppConfig config) throws Exception {
        launch(config, Files.createTempDirectory("glow-settings"));
    }

    /** An application on a given settings folder: a restart sees what the last one saved. */
    static void launch(AppConfig config, Path folder) throws Exception {
        configFolder = folder;
        stage = FxToolkit.registerPrimaryStage();
        // whatever an earlier class left open (a dialog after a failure) is closed first
        FxToolkit.cleanupStages();
        app = (GlowInspectorApp) FxToolkit.setupApplication(() -> new GlowInspectorApp(config, configFolder));
    }

    /** Closes the application after the class; classes with their own servers close them after this. */
    @org.junit.jupiter.api.AfterAll
    static void shutdown() throws Exception {
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
        } finally {
            FxToolkit.cleanupStages();
            app = null;
        }
    }

    @SuppressWarnings("unchecked")
    TableView<GroupRow> table() {
        return robot.lookup("#groupsTable").queryAs(TableView.class);
    }

    Label label(String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    /** Nodes in a CSS pseudo-class state (bubbles show role, find and review state that way). */
    static java.util.function.Predicate<javafx.scene.Node> inState(String pseudoClass) {
        javafx.css.PseudoClass pc = javafx.css.PseudoClass.getPseudoClass(pseudoClass);
        return n -> n.getPseudoClassStates().contains(pc);
    }

    /**
     * Waits for a condition; the limit is only how long a broken build waits before failing, so
     * it is generous: scaled by {@code glow.test.timeoutScale} (default 4) for busy machines.
     */
    static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        // a node looked up while the window swaps its views is briefly missing: not yet, rather than a failure
        WaitForAsyncUtils.waitFor((long) Math.ceil(seconds * TIMEOUT_SCALE), TimeUnit.SECONDS, () -> {
            try {
                return Boolean.TRUE.equals(condition.call());
            } catch (org.testfx.service.query.EmptyNodeQueryException | IndexOutOfBoundsException
                     | NullPointerException notThereYet) {
                return false;
            }
        });
    }

    /** The demo without its simulated live generation: groups that stay as they are during a test. */
    static AppConfig quietDemo() {
        return AppConfig.demo().withDemoLiveStep(0);
    }

    static final double TIMEOUT_SCALE = Double.parseDouble(System.getProperty("glow.test.timeoutScale", "4"));
}
