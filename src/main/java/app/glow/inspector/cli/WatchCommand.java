package app.glow.inspector.cli;

import app.glow.inspector.api.GenerationWatch;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.model.GenerationEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glow system watch}: one event per line until interrupted; reconnects on its own. */
@Command(name = "watch", description = "Follow live generation events; one JSON object per line until Ctrl+C.",
        footer = {"", "Examples:", "  glow system watch",
            "  glow system watch --body '{\"group_id\": \"4f1c...\"}' | jq -c 'select(.event == \"GenerationSavedEvent\")'"})
final class WatchCommand extends ServerCommand {
    @Option(names = "--last-event-id", paramLabel = "ID", description = "Resume after this event id.")
    String lastEventId;

    @Option(names = "--max-events", paramLabel = "N", hidden = true, description = "Stop after N events (tests).")
    int maxEvents;

    WatchCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void validate(ObjectNode b) throws UsageError {
        Body.optionalString(b, "group_id");
    }

    @Override
    void run(GlowClient client, ObjectNode b) throws Exception {
        String groupId = b.hasNonNull("group_id") ? b.get("group_id").asText() : null;
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger printed = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        GenerationWatch.Listener listener = new GenerationWatch.Listener() {
            @Override
            public void onEvent(GenerationEvent event) {
            }

            @Override
            public void onRaw(String id, String type, String data) {
                ObjectNode line = mapper.createObjectNode();
                line.put("id", id);
                line.put("event", type);
                try {
                    JsonNode d = mapper.readTree(data);
                    line.set("data", d);
                } catch (IOException notJson) {
                    line.put("data", data);
                }
                synchronized (ctx.out()) {
                    if (maxEvents > 0 && printed.get() >= maxEvents) {
                        return; // events already in flight when the limit was reached
                    }
                    try {
                        ctx.out().write(mapper.writeValueAsBytes(line));
                        ctx.out().write('\n');
                        ctx.out().flush();
                    } catch (IOException e) {
                        done.countDown();
                    }
                    if (maxEvents > 0 && printed.incrementAndGet() >= maxEvents) {
                        done.countDown();
                    }
                }
            }

            @Override
            public void onState(GenerationWatch.State state, String detail, Instant nextAttempt) {
                if (state == GenerationWatch.State.RECONNECTING && nextAttempt != null) {
                    ctx.error("glow: stream interrupted (" + detail + "); reconnecting");
                } else if (state == GenerationWatch.State.FAILED) {
                    failure.set(detail);
                    done.countDown();
                }
            }
        };
        try (GenerationWatch w = client.watch(groupId, lastEventId, listener, GenerationWatch.Settings.DEFAULT)) {
            done.await();
        }
        if (failure.get() != null) {
            throw new IOException(failure.get());
        }
    }
}
