package app.glow.inspector.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The process's streams and environment, injected so tests can run the CLI in-process. */
record CliContext(InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env,
                  boolean stdoutIsTerminal) {
}
