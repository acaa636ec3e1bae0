package app.glow.inspector.api;

import app.glow.inspector.model.GenerationEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * A live subscription to {@code /system/watch}. Typed events go to the listener; unknown types
 * and malformed data are skipped; a dropped or silent stream is reconnected with backoff and
 * {@code Last-Event-ID}. 401, 403 and 404 end the watch (retrying cannot help).
 */
public final class GenerationWatch implements AutoCloseable {
    public enum State { CONNECTING, CONNECTED, RECONNECTING, FAILED, CLOSED }

    /** Called on OkHttp's threads; hop to the UI thread yourself. */
    public interface Listener {
        void onEvent(GenerationEvent event);

        /** {@code nextAttempt} is set while RECONNECTING; {@code detail} says why. */
        default void onState(State state, String detail, Instant nextAttempt) {
        }

        /** Every event as it arrived, known type or not (the CLI prints these). */
        default void onRaw(String id, String type, String data) {
        }

        /** Data of a known event type that could not be read; the stream goes on. */
        default void onMalformed(String type, String data, String reason) {
        }
    }

    /**
     * @param idleTimeout reconnect when nothing (not even a keep-alive) arrives for this long
     */
    public record Settings(Duration idleTimeout, Duration initialBackoff, Duration maxBackoff) {
        public static final Settings DEFAULT =
                new Settings(Duration.ofSeconds(45), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    private final GlowClient client;
    private final String groupId;
    private final Listener listener;
    private final Settings settings;
    private final GenerationEvents parser;
    private final OkHttpClient sseHttp;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private volatile String lastEventId;
    private EventSource current;
    private int failures;
    private boolean closed;

    GenerationWatch(GlowClient client, String groupId, String lastEventId, Listener listener, Settings settings) {
        this.client = client;
        this.groupId = groupId;
        this.lastEventId = lastEventId;
        this.listener = listener;
        this.settings = settings;
        this.parser = new GenerationEvents(client.mapper());
        // no overall deadline (a watch lasts as long as the user wants), but bounded lines and events
        this.sseHttp = GlowHttp.forLongStreams(client.http()).newBuilder().readTimeout(settings.idleTimeout())
                .addInterceptor(new SseGuard(client.limits().maxSseLineBytes(), client.limits().maxSseEventBytes()))
                .build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "glow-watch-reconnect");
            t.setDaemon(true);
            return t;
        });
    }

    /** The id of the last event received, for a later resume. */
    public String lastEventId() {
        return lastEventId;
    }

    void start() {
        connect();
    }

    private void connect() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            listener.onState(failures == 0 ? State.CONNECTING : State.RECONNECTING, "connecting", null);
            current = EventSources.createFactory(sseHttp)
                    .newEventSource(client.watchRequest(groupId, lastEventId), new Handler());
        }
    }

    private void scheduleReconnect(String why) {
        long delay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            failures++;
            long base = settings.initialBackoff().toMillis() << Math.min(failures - 1, 16);
            long capped = Math.min(base, settings.maxBackoff().toMillis());
            delay = capped / 2 + (long) (Math.random() * (capped / 2 + 1));
        }
        listener.onState(State.RECONNECTING, why, Instant.now().plusMillis(delay));
        timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private final class Handler extends EventSourceListener {
        @Override
        public void onOpen(EventSource source, Response response) {
            synchronized (lock) {
                failures = 0;
            }
            listener.onState(State.CONNECTED, "connected", null);
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (id != null) {
                lastEventId = id;
            }
            listener.onRaw(id, type, data);
            try {
                parser.parse(id, type, data).ifPresent(listener::onEvent);
            } catch (IOException e) {
                listener.onMalformed(type, data, e.getMessage());
            }
        }

        @Override
        public void onClosed(EventSource source) {
            scheduleReconnect("the server ended the stream");
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
            }
            if (response != null) {
                int code = response.code();
                if (code == 401 || code == 403 || code == 404) {
                    GlowApiException e = ErrorBodies.toException(response, client.connection());
                    fail(e.describe());
                    return;
                }
                if (code >= 200 && code < 300 && t == null) {
                    fail("The server did not answer with an event stream.");
                    return;
                }
            }
            String why = t != null ? client.connection().redact(String.valueOf(t.getMessage()))
                    : "HTTP " + (response == null ? "?" : response.code());
            scheduleReconnect(why);
        }
    }

    private void fail(String why) {
        synchronized (lock) {
            closed = true;
        }
        timer.shutdownNow();
        listener.onState(State.FAILED, why, null);
    }

    @Override
    public void close() {
        EventSource es;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            es = current;
        }
        timer.shutdownNow();
        if (es != null) {
            es.cancel();
        }
        listener.onState(State.CLOSED, "closed", null);
    }
}
