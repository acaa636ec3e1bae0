package app.glow.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The start does only what the arguments need (the branch of the command tree they name, no
 * model at all for --version), and what the user sees is what the whole tree gave.
 */
class CliStartTest {
    /** Runs the arguments against the whole command tree, as the CLI did before it built branches. */
    static CliRun wholeTree(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), false);
        int code = GlowCli.commandLine(ctx).execute(args);
        return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyAnswerIsTheOneTheWholeTreeGives() {
        String[][] cases = {
            {"--version"}, {"-V"}, {"--help"}, {}, {"sytem"}, {"system"}, {"system", "--help"},
            {"system", "groups", "--help"}, {"system", "grops"}, {"system", "video_download", "--help"},
            {"system", "movie_download"}, {"system", "groups", "--bogus"}, {"demo-server", "--help"},
            {"search", "--help"}, {"compare", "--help"}, {"--version", "system"}, {"system", "group", "-V"},
        };
        for (String[] args : cases) {
            CliRun branch = CliRun.run(Map.of(), args);
            CliRun whole = wholeTree(args);
            String what = String.join(" ", args);
            assertEquals(whole.exit(), branch.exit(), what);
            assertEquals(whole.text(), branch.text(), what);
            assertEquals(whole.err(), branch.err(), what);
        }
    }

    @Test
    void versionPrintsOneLineAndNothingElse() {
        CliRun v = CliRun.run(Map.of(), "--version");
        assertEquals(0, v.exit());
        assertTrue(v.text().matches("glow \\S+\n"), v.text());
        assertEquals("", v.err());
    }
}
