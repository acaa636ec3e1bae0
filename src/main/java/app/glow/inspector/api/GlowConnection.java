package app.glow.inspector.api;

import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where a Glow instance is and how to authenticate. The token never appears in
 * {@link #toString()}; plain {@code http://} is refused for hosts other than loopback unless
 * explicitly allowed.
 */
public final class GlowConnection {
    public static final String ENV_URL = "GLOW_INSTANCE_URL";
    public static final String ENV_TOKEN = "GLOW_TOKEN";

    private final HttpUrl baseUrl;
    private final String token;

    private GlowConnection(HttpUrl baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
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
                    + ": the token would travel unencrypted. Use https://, or allow insecure HTTP explicitly.");
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

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1")
                || host.equals("[::1]") || host.startsWith("127.");
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

    /** For redaction: hides the token wherever some text might echo it. */
    public String redact(String text) {
        return text == null ? null : text.replace(token, "[token]");
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
