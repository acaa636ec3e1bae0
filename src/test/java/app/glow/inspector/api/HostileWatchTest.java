package app.glow.inspector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.hostile.RawServer;
import app.glow.inspector.model.GenerationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An event stream that sends one endless line (or an endless event of short lines) must fail at
 * the cap and reconnect, never fill the heap on OkHttp's thread.
 */
class HostileWatchTest {
    static final GenerationWatch.Settings QUICK =
            new GenerationWatch.Settings(Duration.ofSeconds(10), Duration.ofMillis(20), Duration.ofMillis(100));
    static final String SAVED = "id: 7\nevent: GenerationSavedEvent\n"
            + "data: {\"group_id\": \"g1\", \"run_id\": \"r1\", \"artifact_type\": \"image\"}\n\n";

    private final BlockingQueue<GenerationEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> states = new LinkedBlockingQueue<>();
    private final GenerationWatch.Listener listener = new GenerationWatch.Listener() {
        @Override
        public void onEvent(GenerationEvent event) {
            events.add(event);
        }

        @Override
        public void onState(GenerationWatch.State state, String detail, Instant nextAttempt) {
            states.add(state + ":" + detail);
        }
    };

    /** First connection: {@code endless} repeated for ever; then a well-behaved stream. */
    static RawServer server(byte[] prefix, byte[] endless) throws Exception {
        RawServer.Handler hostile = (head, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/event-stream\r\n\r\n");
            out.write(prefix);
            for (long sent = 0; sent < (4L << 30); sent += endless.length) {
                out.write(endless); // ends when the client hangs up
            }
        };
        RawServer.Handler polite = (head, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/event-stream\r\n\r\n"
                    + SAVED);
            out.flush();
            Thread.sleep(30_000);
        };
        return new RawServer(hostile, polite);
    }

    private void watchFailsAtTheCapThenReconnects(RawServer server, HttpLimits limits, String expected)
            throws Exception {
        GlowClient client = new GlowClient(GlowConnection.of(server.url(), HostileHttpTest.TOKEN),
                GlowHttp.newClient(limits), GlowJson.newMapper(), RetryPolicy.NONE, limits);
        try (GenerationWatch w = client.watch(null, null, listener, QUICK)) {
            GenerationEvent e = events.poll(40, TimeUnit.SECONDS);
            assertNotNull(e, "no event after the reconnect; states: " + states);
            assertEquals("g1", e.groupId());
            assertEquals("7", w.lastEventId());
            assertTrue(states.stream().anyMatch(s -> s.startsWith("RECONNECTING:") && s.contains(expected)),
                    states.toString());
            assertEquals(2, server.requestCount());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneEndlessLineFailsTheStreamAtTheLineCapAndTheWatchReconnects() throws Exception {
        byte[] x = new byte[64 * 1024];
        Arrays.fill(x, (byte) 'x');
        try (RawServer server = server("data: ".getBytes(StandardCharsets.US_ASCII), x)) {
            watchFailsAtTheCapThenReconnects(server, HttpLimits.DEFAULT, "a line longer than 4096 KB");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneEndlessEventOfShortLinesFailsAtTheEventCap() throws Exception {
        byte[] lines = "data: yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\r\n".repeat(1000)
                .getBytes(StandardCharsets.US_ASCII);
        try (RawServer server = server(new byte[0], lines)) {
            watchFailsAtTheCapThenReconnects(server, HttpLimits.DEFAULT, "an event longer than 16384 KB");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void ordinaryEventsAndKeepAlivesPassTheGuardUnderSmallCaps() throws Exception {
        String many = (": keep-alive\r\n\r\n" + SAVED.replace("\n", "\r\n")).repeat(50);
        try (RawServer server = new RawServer((head, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/event-stream\r\n\r\n"
                    + many);
            out.flush();
            Thread.sleep(30_000);
        })) {
            HttpLimits small = HttpLimits.DEFAULT.withSseLimits(200, 300);
            GlowClient client = new GlowClient(GlowConnection.of(server.url(), HostileHttpTest.TOKEN),
                    GlowHttp.newClient(small), GlowJson.newMapper(), RetryPolicy.NONE, small);
            try (GenerationWatch w = client.watch(null, null, listener, QUICK)) {
                for (int i = 0; i < 50; i++) {
                    assertNotNull(events.poll(10, TimeUnit.SECONDS), "event " + i + "; states: " + states);
                }
                assertEquals(1, server.requestCount(), states.toString());
            }
        }
    }
}
