package app.glow.inspector.api;

import java.time.Duration;
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
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(30))
                // a read timeout only bounds the wait for one byte; this bounds the whole call
                .callTimeout(limits.deadline())
                // Retries are ours (bounded, with backoff); OkHttp's silent ones would double them.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
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
