package app.glow.inspector.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GenerationWatch;
import app.glow.inspector.model.GenerationEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DemoWatchTest extends DemoServerSupport {
    private static final GenerationWatch.Settings QUICK =
            new GenerationWatch.Settings(Duration.ofSeconds(3), Duration.ofMillis(20), Duration.ofMillis(100));

    static final class Collector implements GenerationWatch.Listener {
        final BlockingQueue<GenerationEvent> events = new LinkedBlockingQueue<>();
        final BlockingQueue<GenerationWatch.State> states = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(GenerationEvent event) {
            events.add(event);
        }

        @Override
        public void onState(GenerationWatch.State state, String detail, Instant nextAttempt) {
            states.add(state);
        }

        void awaitConnected() throws InterruptedException {
            GenerationWatch.State s;
            do {
                s = states.poll(5, TimeUnit.SECONDS);
                assertNotNull(s, "never connected");
            } while (s != GenerationWatch.State.CONNECTED);
        }

        List<GenerationEvent> take(int n) throws InterruptedException {
            List<GenerationEvent> out = new ArrayList<>();
            while (out.size() < n) {
                GenerationEvent e = events.poll(5, TimeUnit.SECONDS);
                assertNotNull(e, "only " + out.size() + " of " + n + " events arrived");
                out.add(e);
            }
            return out;
        }
    }

    @Test
    void allSixEventTypesArriveAndASavedGenerationAddsARun() throws Exception {
        Collector c = new Collector();
        String groupId;
        long runsBefore;
        try (GenerationWatch w = client.watch(null, null, c, QUICK)) {
            c.awaitConnected();
            for (int i = 0; i < 40; i++) {
                server.stepLiveGeneration(); // three generations: two succeed, one fails
            }
            List<GenerationEvent> events = c.take(40);
            Set<String> types = new HashSet<>();
            events.forEach(e -> types.add(e.type()));
            assertEquals(Set.of("GenerationProgressEvent", "GenerationCompleteEvent", "GenerationSavedEvent",
                    "GenerationErrorEvent", "GenerationMediaProgressEvent", "GenerationMediaCompleteEvent"), types);
            for (int i = 1; i < events.size(); i++) {
                assertTrue(Long.parseLong(events.get(i).eventId()) > Long.parseLong(events.get(i - 1).eventId()));
            }
            GenerationEvent saved = events.stream().filter(e -> e instanceof GenerationEvent.GenerationSavedEvent)
                    .findFirst().orElseThrow();
            groupId = saved.groupId();
            var detail = client.groupDetail(groupId, 0, 0, Cancellation.none());
            assertTrue(detail.runs().stream().anyMatch(r -> r.run().id().equals(saved.runId())),
                    "the saved run is part of the group");
            var mediaDone = (GenerationEvent.GenerationMediaCompleteEvent) events.stream()
                    .filter(e -> e instanceof GenerationEvent.GenerationMediaCompleteEvent).findFirst().orElseThrow();
            var out = new java.io.ByteArrayOutputStream();
            client.download(app.glow.inspector.model.MediaKind.IMAGE, mediaDone.uploadId(), null, out,
                    Cancellation.none());
            assertTrue(out.size() > 1000, "the announced image can be downloaded");
        }
    }

    @Test
    void resumesWithLastEventIdAndFiltersByGroup() throws Exception {
        Collector first = new Collector();
        String lastId;
        String group;
        try (GenerationWatch w = client.watch(null, null, first, QUICK)) {
            first.awaitConnected();
            server.stepLiveGeneration();
            server.stepLiveGeneration();
            List<GenerationEvent> seen = first.take(2);
            lastId = seen.get(1).eventId();
            group = seen.get(1).groupId();
        }
        for (int i = 0; i < 30; i++) {
            server.stepLiveGeneration(); // events while nobody listens
        }
        Collector resumed = new Collector();
        try (GenerationWatch w = client.watch(group, lastId, resumed, QUICK)) {
            List<GenerationEvent> missed = resumed.take(3);
            assertTrue(Long.parseLong(missed.get(0).eventId()) > Long.parseLong(lastId), "only events after the last id");
            for (GenerationEvent e : missed) {
                assertEquals(group, e.groupId(), "only the watched group");
            }
        }
    }

    @Test
    void keepAlivesKeepAnIdleStreamOpen() throws Exception {
        Collector c = new Collector();
        var settings = new GenerationWatch.Settings(Duration.ofMillis(800), Duration.ofMillis(20),
                Duration.ofMillis(100));
        try (GenerationWatch w = client.watch(null, null, c, settings)) {
            c.awaitConnected();
            Thread.sleep(2000); // idle longer than the idle timeout; keep-alives arrive every 200 ms
            assertTrue(c.states.isEmpty(), "no reconnect while keep-alives flow: " + c.states);
        }
    }
}
