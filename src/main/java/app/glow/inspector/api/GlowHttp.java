package app.glow.inspector.api;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** Builds the one OkHttpClient an application shares between all its Glow clients. */
public final class GlowHttp {
    private GlowHttp() {
    }

    public static OkHttpClient newClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(30))
                // Retries are ours (bounded, with backoff); OkHttp's silent ones would double them.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }
}
