package app.glow.inspector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GenerationEvent;
import app.glow.inspector.model.GenerationEvent.GenerationCompleteEvent;
import app.glow.inspector.model.GenerationEvent.GenerationErrorEvent;
import app.glow.inspector.model.GenerationEvent.GenerationMediaCompleteEvent;
import app.glow.inspector.model.GenerationEvent.GenerationMediaProgressEvent;
import app.glow.inspector.model.GenerationEvent.GenerationProgressEvent;
import app.glow.inspector.model.GenerationEvent.GenerationSavedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class GenerationWatchTest extends MockServerSupport {
    static final GenerationWatch.Settings QUICK =
            new GenerationWatch.Settings(Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofMillis(100));

    private final BlockingQueue<GenerationEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> states = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> malformed = new LinkedBlockingQueue<>();

    private final GenerationWatch.Listener listener = new GenerationWatch.Listener() {
        @Override
        public void onEvent(GenerationEvent event) {
            events.add(event);
        }

        @Override
        public void onState(GenerationWatch.State state, String detail, Instant nextAttempt) {
            states.add(state + (nextAttempt != null ? "@" : "") + ":" + detail);
        }

        @Override
        public void onMalformed(String type, String data, String reason) {
            malformed.add(type);
        }
    };

    static MockResponse stream(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private GenerationEvent next() throws InterruptedException {
        GenerationEvent e = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(e, "no event arrived");
        return e;
    }

    @Test
    void parsesAllSixTypesSkipsUnknownAndResumesWithLastEventId() throws Exception {
        server.enqueue(stream("""
                : keep-alive

                id: 1
                event: GenerationProgressEvent
                data: {"group_id": "g", "run_id": "r", "completed_resources": 2, "total_resources": 5, "percentage": 40}

                id: 2
                event: SomethingNewEvent
                data: {"group_id": "g", "run_id": "r", "whatever": true}

                id: 3
                event: GenerationMediaProgressEvent
                data: {"group_id": "g", "run_id": "r", "media_kind": "image", "percentage": 50.5}

                id: 4
                event: GenerationMediaCompleteEvent
                data: {"group_id": "g", "run_id": "r", "media_kind": "image", "upload_id": "i-9"}

                """));
        server.enqueue(stream("""
                id: 5
                event: GenerationCompleteEvent
                data: {"group_id": "g", "run_id": "r", "artifact_type": "group", "success": true}

                id: 6
                event: GenerationErrorEvent
                data: not json at all

                id: 7
                event: GenerationErrorEvent
                data: {"group_id": "g", "run_id": "r2", "message": "model timed out"}

                id: 8
                event: GenerationSavedEvent
                data: {"group_id": "g", "run_id": "r", "artifact_type": "group"}

                """));
        server.enqueue(stream(": idle\n\n"));
        try (GenerationWatch w = client.watch("g", null, listener, QUICK)) {
            var p = assertInstanceOf(GenerationProgressEvent.class, next());
            assertEquals("1", p.eventId());
            assertEquals(2, p.completedResources());
            assertEquals(5, p.totalResources());
            assertEquals(40.0, p.percentage());
            var mp = assertInstanceOf(GenerationMediaProgressEvent.class, next());
            assertEquals(50.5, mp.percentage());
            assertEquals("image", mp.mediaKind());
            var mc = assertInstanceOf(GenerationMediaCompleteEvent.class, next());
            assertEquals("i-9", mc.uploadId());
            var c = assertInstanceOf(GenerationCompleteEvent.class, next());
            assertTrue(c.success());
            assertEquals("group", c.artifactType());
            var err = assertInstanceOf(GenerationErrorEvent.class, next());
            assertEquals("model timed out", err.message());
            assertEquals("r2", err.runId());
            var s = assertInstanceOf(GenerationSavedEvent.class, next());
            assertEquals("8", s.eventId());
            assertEquals("GenerationErrorEvent", malformed.poll(1, TimeUnit.SECONDS));

            RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("/system/watch", first.getUrl().encodedPath());
            assertEquals("{\"group_id\":\"g\"}", first.getBody().utf8());
            assertNull(first.getHeaders().get("Last-Event-ID"));
            assertEquals("Bearer " + TOKEN, first.getHeaders().get("Authorization"));
            RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("4", second.getHeaders().get("Last-Event-ID"), "resumed after the last id seen");
            RecordedRequest third = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("8", third.getHeaders().get("Last-Event-ID"));
            assertEquals("8", w.lastEventId());
        }
    }

    @Test
    void aStalledStreamIsReconnected() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body("id: 1\nevent: GenerationSavedEvent\ndata: {\"group_id\": \"g\", \"run_id\": \"r\"}\n\n")
                .bodyDelay(0, TimeUnit.MILLISECONDS)
                .onResponseEnd(mockwebserver3.SocketEffect.Stall.INSTANCE).build());
        server.enqueue(stream("id: 2\nevent: GenerationSavedEvent\ndata: {\"group_id\": \"g\", \"run_id\": \"r\"}\n\n"));
        var settings = new GenerationWatch.Settings(Duration.ofMillis(700), Duration.ofMillis(20),
                Duration.ofMillis(50));
        try (GenerationWatch w = client.watch(null, "0", listener, settings)) {
            assertEquals("1", next().eventId());
            assertEquals("2", next().eventId(), "a silent stream was replaced by a new one");
            server.takeRequest(1, TimeUnit.SECONDS);
            assertEquals("1", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID"));
        }
    }

    @Test
    void unauthorizedEndsTheWatch() throws Exception {
        server.enqueue(error(401, "unauthorized", "bad token"));
        try (GenerationWatch w = client.watch(null, null, listener, QUICK)) {
            String s;
            do {
                s = states.poll(5, TimeUnit.SECONDS);
                assertNotNull(s, "no FAILED state");
            } while (!s.startsWith("FAILED"));
            assertTrue(s.contains("unauthorized"), s);
            Thread.sleep(300);
            assertEquals(1, server.getRequestCount(), "401 is not retried");
        }
        assertTrue(List.copyOf(states).stream().noneMatch(x -> x.startsWith("RECONNECTING")));
    }
}
