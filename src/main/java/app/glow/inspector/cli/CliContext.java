package app.glow.inspector.cli;

import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.Redactor;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The process's streams and environment, injected so tests can run the CLI in-process, and the
 * redactor every line on standard error passes through (it learns each token the CLI reads).
 */
record CliContext(InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env,
                  boolean stdoutIsTerminal, Redactor redactor) {
    CliContext(InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env,
               boolean stdoutIsTerminal) {
        this(stdin, out, err, env, stdoutIsTerminal, Redactor.of(env.get(GlowConnection.ENV_TOKEN)));
    }

    /** Prints one line on standard error, redacted. */
    void error(String line) {
        err.println(redactor.redact(line));
    }
}
