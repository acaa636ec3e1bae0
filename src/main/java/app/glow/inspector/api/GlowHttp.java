package app.glow.inspector.api;

import java.time.Duration;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/** Builds the one OkHttpClient an application shares between all its Glow clients. */
public final class GlowHttp {
    private GlowHttp() {
    }

    /** With the limits of the system properties (see {@link HttpLimits}). */
    public static OkHttpClient newClient() {
        return newClient(HttpLimits.fromSystemProperties());
    }

    public static OkHttpClient newClient(HttpLimits limits) {
        return builder(limits).build();
    }

    /**
     * A client for one connection only (the command line). For a plain http:// instance (loopback,
     * or allowed by the user) it speaks cleartext only, so building it skips loading the platform's
     * trust store, which costs start time and is never used.
     */
    public static OkHttpClient newClientFor(GlowConnection connection) {
        OkHttpClient.Builder b = builder(HttpLimits.fromSystemProperties());
        if (!connection.baseUrl().isHttps()) {
            b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        return b.build();
    }

    private static OkHttpClient.Builder builder(HttpLimits limits) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(30))
                // a read timeout only bounds the wait for one byte; this bounds the whole call
                .callTimeout(limits.deadline())
                // Retries are ours (bounded, with backoff); OkHttp's silent ones would double them.
                .retryOnConnectionFailure(false)
                .followRedirects(false);
    }

    /**
     * The same client (pool, dispatcher, timeouts) without the overall deadline, for streams that
     * may rightly last long: the live event stream and media played through the bridge. Their
     * stalls are still bounded by the read timeout.
     */
    static OkHttpClient forLongStreams(OkHttpClient http) {
        return http.newBuilder().callTimeout(Duration.ZERO).build();
    }
}
