package app.glow.inspector.app.logging;

import app.glow.inspector.api.Redactor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The filter every log line passes through before it reaches a file or the console. The masking
 * itself is {@link Redactor}'s (one rule for logs, errors and the CLI); this adds the redactions
 * of the connections this process opened (each holds its own token and never hands it out).
 */
public final class LogRedactor {

    private final Redactor redactor = new Redactor();
    private final List<UnaryOperator<String>> known = new CopyOnWriteArrayList<>();

    /** A redaction a connection knows how to do. */
    public void add(UnaryOperator<String> redaction) {
        known.add(redaction);
    }

    /** A literal secret, e.g. a token read from the environment at start. Short strings are ignored. */
    public void addSecret(String secret) {
        redactor.addSecret(secret);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (UnaryOperator<String> r : known) {
            out = r.apply(out);
        }
        return redactor.redact(out);
    }
}
