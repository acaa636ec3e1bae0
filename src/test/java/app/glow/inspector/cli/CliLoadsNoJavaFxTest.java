package app.glow.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.demo.DemoServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the CLI in its own JVM with -verbose:class: not one JavaFX class may load (no display needed). */
class CliLoadsNoJavaFxTest {
    @Test
    void theCliNeverLoadsJavaFx() throws Exception {
        try (DemoServer server = DemoServer.start(DemoServer.Options.defaults().withLive(0, 1000))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-verbose:class", "-cp",
                    System.getProperty("java.class.path"), GlowCli.class.getName(), "system", "groups", "--body",
                    "{\"page_size\": 3}"));
            pb.environment().remove("DISPLAY");
            pb.environment().put("GLOW_INSTANCE_URL", server.url());
            pb.environment().put("GLOW_TOKEN", server.token());
            pb.redirectErrorStream(true);
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
            assertTrue(out.contains("\"groups\""), "the command ran");
            assertTrue(out.contains("app.glow.inspector.cli.GlowCli"), "class loading was traced");
            assertFalse(out.lines().anyMatch(l -> l.contains(" javafx.") || l.contains("com.sun.javafx")),
                    "a JavaFX class was loaded");
        }
    }
}
