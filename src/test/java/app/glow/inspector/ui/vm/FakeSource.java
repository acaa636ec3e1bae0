package app.glow.inspector.ui.vm;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.model.ToolCall;
import app.glow.inspector.service.StubSource;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory source for view-model tests: groups made of runs and messages, detail windows
 * sliced as the contract says, every call counted, and failures that can be scheduled per window.
 */
final class FakeSource extends StubSource {
    /** One run and its messages (replayed ones repeat earlier ids). */
    record FakeRun(Run run, List<Message> messages, Integer previousContextStartIndex) {
    }

    final Map<String, List<FakeRun>> groups = new LinkedHashMap<>();
    final Map<String, String> names = new LinkedHashMap<>();
    final AtomicInteger detailCalls = new AtomicInteger();
    final AtomicInteger groupsCalls = new AtomicInteger();
    final Map<String, AtomicInteger> callsPerWindow = new ConcurrentHashMap<>();
    /** "group@offset" → how many times the next requests of that window fail. */
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    static Run run(String id, int k) {
        return new Run(id, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * k), 100, 20, 10,
                new BigDecimal("0.0012"), "m-1", "a-1", "p-1");
    }

    static Message message(String id, String role, ToolCall... calls) {
        return new Message(id, role, List.of("t-" + id), List.of(), List.of(), List.of(), List.of(), List.of(calls));
    }

    /** A group of {@code runs} runs with {@code perRun} fresh messages each. */
    FakeSource group(String id, int runs, int perRun) {
        List<FakeRun> out = new ArrayList<>();
        for (int k = 0; k < runs; k++) {
            List<Message> ms = new ArrayList<>();
            for (int i = 0; i < perRun; i++) {
                ms.add(message(id + "-r" + k + "-m" + i, i % 2 == 0 ? "user" : "assistant"));
            }
            out.add(new FakeRun(run(id + "-run" + k, k), ms, null));
        }
        groups.put(id, out);
        names.put(id, "Group " + id);
        return this;
    }

    FakeSource group(String id, List<FakeRun> runs) {
        groups.put(id, new ArrayList<>(runs));
        names.put(id, "Group " + id);
        return this;
    }

    void failNext(String groupId, int offset, int times) {
        failures.put(groupId + "@" + offset, new AtomicInteger(times));
    }

    int callsFor(String groupId, int offset) {
        AtomicInteger n = callsPerWindow.get(groupId + "@" + offset);
        return n == null ? 0 : n.get();
    }

    GroupSummary summary(String id) {
        long messages = groups.get(id).stream().mapToLong(r -> r.messages().size()).sum();
        return new GroupSummary(id, names.get(id), Instant.parse("2026-11-20T10:00:00Z"), null,
                groups.get(id).size(), messages, 100, 20, 10, new BigDecimal("0.0012").multiply(
                BigDecimal.valueOf(groups.get(id).size())), List.of("m-1"), List.of("a-1"), List.of("p-1"));
    }

    @Override
    public GroupsPage groups(GroupsQuery q, Cancellation c) {
        groupsCalls.incrementAndGet();
        return new GroupsPage(groups.keySet().stream().map(this::summary).toList(), null, (long) groups.size(),
                List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public GroupIdentity resolve(String id, Cancellation c) {
        return groups.containsKey(id) ? new GroupIdentity(true, id, names.get(id), null)
                : new GroupIdentity(false, id, null, null);
    }

    @Override
    public GroupDetail detail(String id, Integer offset, Integer limit, Cancellation c) throws SourceException {
        detailCalls.incrementAndGet();
        int from = offset == null ? 0 : offset;
        callsPerWindow.computeIfAbsent(id + "@" + from, k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger fail = failures.get(id + "@" + from);
        if (fail != null && fail.getAndDecrement() > 0) {
            throw new SourceException(SourceException.Reason.UNAVAILABLE, "The fake source dropped the connection.");
        }
        List<FakeRun> runs = groups.get(id);
        if (runs == null) {
            return new GroupDetail(false, id, null, null, 0, List.of(), List.of(), List.of(), List.of());
        }
        long total = runs.stream().mapToLong(r -> r.messages().size()).sum();
        long to = limit == null ? total : Math.min(total, (long) from + limit);
        List<RunWithMessages> out = new ArrayList<>();
        long pos = 0;
        for (FakeRun r : runs) {
            List<Message> in = new ArrayList<>();
            for (Message m : r.messages()) {
                if (pos >= from && pos < to) {
                    in.add(m);
                }
                pos++;
            }
            out.add(new RunWithMessages(r.run(), in, r.previousContextStartIndex()));
        }
        return new GroupDetail(true, id, names.get(id), "Actor", total, out, List.of(), List.of(), List.of());
    }

    @Override
    public app.glow.inspector.source.MediaStream openUpload(app.glow.inspector.model.MediaKind kind, String uploadId,
            app.glow.inspector.source.ByteRange range, Cancellation c) {
        byte[] text = ("text of " + uploadId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var in = new java.io.ByteArrayInputStream(text);
        return new app.glow.inspector.source.MediaStream(200, "text/plain", text.length, 0, text.length, null, null,
                true, in, in);
    }
}
