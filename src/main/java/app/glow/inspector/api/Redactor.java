package app.glow.inspector.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one filter for every text that leaves the process (error messages, the CLI's standard error,
 * log lines): the secrets it was told about, in the forms a server or a library might echo them
 * (as is, URL-encoded, base64 and base64url at any alignment inside a longer base64 run), and
 * anything shaped like a bearer token, an {@code Authorization} header or a {@code token=} pair.
 * Thread-safe; secrets shorter than {@value #MIN_SECRET} characters are ignored (they would mask
 * ordinary words).
 */
public final class Redactor {
    public static final String MASK = "[redacted]";
    static final int MIN_SECRET = 6;
    /** Inner base64 runs shorter than this are not masked: they would match by chance. */
    private static final int MIN_ENCODED = 6;
    /**
     * A value that looks like a credential rather than a word: 16 characters or more, or one with
     * a digit or a symbol inside, so "a valid bearer token is required" stays readable.
     */
    private static final String CREDENTIAL =
            "(?=[A-Za-z0-9._~+/=-]{16}|[A-Za-z0-9._~+/=-]*(?:[0-9_~+/=]|[.-][A-Za-z0-9]))";
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("(?i)(\\bbearer\\s+)" + CREDENTIAL + "[A-Za-z0-9._~+/=-]+"),
            // any value of an Authorization header is secret, after its scheme word
            Pattern.compile("(?i)(\\bauthorization\\b[\"']?\\s*[:=]\\s*[\"']?(?:(?:basic|digest|token)\\s+)?)"
                    + "(?!bearer\\s)[^\\s\"',;]+"),
            Pattern.compile("(?i)(\\b(?:glow_)?token\\b[\"']?\\s*[:=]\\s*[\"']?)" + CREDENTIAL
                    + "[^\\s\"',;&\\]]+"));

    /** Every form of every secret, longest first so a longer form is masked before a part of it. */
    private final List<String> forms = new CopyOnWriteArrayList<>();

    public Redactor() {
    }

    /** A redactor that already knows one secret. */
    public static Redactor of(String secret) {
        Redactor r = new Redactor();
        r.addSecret(secret);
        return r;
    }

    /** Adds a secret (a token); null, blank and very short values are ignored. */
    public void addSecret(String secret) {
        if (secret == null || secret.strip().length() < MIN_SECRET) {
            return;
        }
        String s = secret.strip();
        Set<String> add = new LinkedHashSet<>();
        add.add(s);
        add.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
        add.add(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        add.add(s.replace("/", "\\/")); // as a JSON string may escape it
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder enc : List.of(Base64.getEncoder().withoutPadding(),
                Base64.getUrlEncoder().withoutPadding())) {
            for (int shift = 0; shift < 3; shift++) {
                String core = base64Core(enc, bytes, shift);
                if (core.length() >= MIN_ENCODED) {
                    add.add(core);
                }
            }
        }
        synchronized (forms) {
            for (String f : add) {
                if (!forms.contains(f)) {
                    forms.add(f);
                }
            }
            List<String> sorted = new ArrayList<>(forms);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            forms.clear();
            forms.addAll(sorted);
        }
    }

    /**
     * The characters of the base64 encoding of {@code bytes} that do not depend on what stands
     * before or after them, when they start {@code shift} bytes into a 3-byte group: so the
     * secret is found inside a longer encoded text (a Basic header, a JWT, a cookie) too.
     */
    private static String base64Core(Base64.Encoder enc, byte[] secret, int shift) {
        byte[] padded = new byte[shift + secret.length];
        System.arraycopy(secret, 0, padded, shift, secret.length);
        String all = enc.encodeToString(padded);
        int from = (8 * shift + 5) / 6;
        int to = 8 * (shift + secret.length) / 6;
        return to > from ? all.substring(from, to) : "";
    }

    /** The text with every known secret and every token-shaped value masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String f : forms) {
            if (out.contains(f)) {
                out = out.replace(f, MASK);
            }
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
