package app.glow.inspector.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Where a Glow instance is and how to authenticate. The token never appears in
 * {@link #toString()}; plain {@code http://} is refused for hosts other than loopback unless
 * explicitly allowed.
 */
public final class GlowConnection {
    public static final String ENV_URL = "GLOW_INSTANCE_URL";
    public static final String ENV_TOKEN = "GLOW_TOKEN";

    /** The CLI's option that lifts the refusal; named in the refusal so a person knows the way out. */
    public static final String INSECURE_OPTION = "--allow-insecure-http";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private final HttpUrl baseUrl;
    private final String token;
    private final Redactor redactor;

    private GlowConnection(HttpUrl baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.redactor = Redactor.of(token);
    }

    public static GlowConnection of(String url, String token) {
        return of(url, token, false);
    }

    /**
     * @param allowInsecureHttp permit {@code http://} to a host that is not loopback (the token
     *                          then travels in clear text).
     */
    public static GlowConnection of(String url, String token, boolean allowInsecureHttp) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The Glow instance URL is empty.");
        }
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + url.trim());
        }
        if (!parsed.isHttps() && !allowInsecureHttp && !isLoopback(parsed.host())) {
            throw new IllegalArgumentException("Refusing plain http:// to " + parsed.host()
                    + ": only this machine (localhost, 127.x.x.x, ::1) is reached without encryption, and the token "
                    + "would travel unencrypted. Use https://, or allow insecure HTTP explicitly (" + INSECURE_OPTION
                    + " on the command line, \"Allow plain http://\" in the connection dialog).");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The Glow token is empty.");
        }
        return new GlowConnection(parsed, token.trim());
    }

    /** From {@code GLOW_INSTANCE_URL} and {@code GLOW_TOKEN}; null when the URL is not set. */
    public static GlowConnection fromEnvironment(Map<String, String> env) {
        String url = env.get(ENV_URL);
        if (url == null || url.isBlank()) {
            return null;
        }
        String token = env.get(ENV_TOKEN);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(ENV_URL + " is set but " + ENV_TOKEN + " is not.");
        }
        return of(url, token);
    }

    /**
     * True only for {@code localhost} and literal loopback addresses (127.0.0.0/8, ::1): never for
     * a name that merely starts with "127." ({@code 127.0.0.1.nip.io} resolves wherever its owner
     * likes), so no DNS answer can turn a clear-text connection into a remote one.
     */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        Matcher m = IPV4.matcher(h);
        if (m.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(m.group(i)) > 255) {
                    return false;
                }
            }
            return m.group(1).equals("127");
        }
        if (h.indexOf(':') >= 0 && h.matches("[0-9a-f:.]+")) {
            try {
                // a literal (only hex digits, colons and dots): parsed locally, no DNS lookup
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The URL of an endpoint path such as {@code /system/groups}. */
    public HttpUrl endpoint(String path) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String seg : path.split("/")) {
            if (!seg.isEmpty()) {
                b.addPathSegment(seg);
            }
        }
        return b.build();
    }

    String authorizationHeader() {
        return "Bearer " + token;
    }

    /** For redaction: hides the token (in any of its encodings) wherever some text might echo it. */
    public String redact(String text) {
        return redactor.redact(text);
    }

    /** Teaches another redactor (the CLI's, the log's) this token, without handing the token out. */
    public void shareSecretWith(Redactor other) {
        other.addSecret(token);
    }

    @Override
    public String toString() {
        return "GlowConnection[" + baseUrl + ", token=[hidden]]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlowConnection c && c.baseUrl.equals(baseUrl) && c.token.equals(token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, token);
    }
}
