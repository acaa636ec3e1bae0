package app.glow.inspector.app.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one filter every log line passes through before it reaches a file or the console: known
 * secrets (the tokens of the connections this process opened) and anything shaped like a bearer
 * token or an {@code Authorization} header are replaced, whatever logged them.
 */
public final class LogRedactor {
    static final String MASK = "[redacted]";
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]+"),
            Pattern.compile("(?i)(\\bauthorization\\b[\"']?\\s*[:=]\\s*[\"']?)(?!bearer\\s)[^\\s\"',;]+"),
            Pattern.compile("(?i)(\\b(?:glow_)?token\\b[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&\\]]+"));

    private final List<UnaryOperator<String>> known = new CopyOnWriteArrayList<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** A redaction a connection knows how to do (it holds its own token and never hands it out). */
    public void add(UnaryOperator<String> redaction) {
        known.add(redaction);
    }

    /** A literal secret, e.g. a token read from the environment at start. Short strings are ignored. */
    public void addSecret(String secret) {
        if (secret != null && secret.strip().length() >= 6) {
            secrets.add(secret.strip());
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        for (UnaryOperator<String> r : known) {
            out = r.apply(out);
        }
        for (Pattern p : SHAPES) {
            Matcher m = p.matcher(out);
            if (m.find()) {
                out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)) + MASK);
            }
        }
        return out;
    }
}
