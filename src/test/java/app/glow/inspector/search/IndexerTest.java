package app.glow.inspector.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.service.StubSource;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.source.SourceException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indexer against a scripted source: bounded concurrency, failures, cancel, deleted groups, paging. */
class IndexerTest {
    /** Groups of {@code size} messages each, one text per message; slow and failing on request. */
    static final class Scripted extends StubSource {
        final Map<String, Integer> sizes = new ConcurrentHashMap<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final Set<String> deleted = ConcurrentHashMap.newKeySet();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger groupsCalls = new AtomicInteger();
        volatile long delayMillis;

        Scripted add(String id, int size) {
            sizes.put(id, size);
            return this;
        }

        GroupSummary summary(String id) {
            return new GroupSummary(id, "Group " + id, Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2026-01-02T00:00:00Z"), 1, sizes.get(id), 0, 0, 0, BigDecimal.ZERO, List.of(),
                    List.of(), List.of());
        }

        @Override
        public GroupsPage groups(GroupsQuery q, Cancellation c) {
            groupsCalls.incrementAndGet();
            List<String> ids = sizes.keySet().stream().sorted().toList();
            int from = q.pageToken() == null ? 0 : Integer.parseInt(q.pageToken());
            int to = Math.min(ids.size(), from + 3); // small pages, whatever was asked
            return new GroupsPage(ids.subList(from, to).stream().map(this::summary).toList(),
                    to < ids.size() ? String.valueOf(to) : null, null, List.of(), List.of(), List.of(), List.of());
        }

        @Override
        public GroupDetail detail(String id, Integer offset, Integer limit, Cancellation c) throws SourceException {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                if (delayMillis > 0 && !c.sleep(delayMillis)) {
                    throw SourceException.cancelled();
                }
                if (failing.contains(id)) {
                    throw new SourceException(SourceException.Reason.UNAVAILABLE, "The server is not answering.");
                }
                if (deleted.contains(id) || !sizes.containsKey(id)) {
                    return new GroupDetail(false, id, null, null, 0, List.of(), List.of(), List.of(), List.of());
                }
                int size = sizes.get(id);
                int from = offset == null ? 0 : offset;
                int to = Math.min(size, from + (limit == null ? size : limit));
                List<Message> ms = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    ms.add(new Message(id + "-m" + i, i % 2 == 0 ? "user" : "assistant", List.of(id + "-t" + i),
                            List.of(), List.of(), List.of(), List.of(), List.of()));
                }
                Run run = new Run(id + "-run", Instant.parse("2026-01-02T00:00:00Z"), 1, 1, 0, BigDecimal.ZERO,
                        "m", "a", "p");
                return new GroupDetail(true, id, "Group " + id, null, size, List.of(new RunWithMessages(run, ms, null)),
                        List.of(), List.of(), List.of());
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c) {
            byte[] b = ("marmalade " + uploadId).getBytes(StandardCharsets.UTF_8);
            return new MediaStream(200, "text/plain", b.length, 0, b.length, null, null, true,
                    new ByteArrayInputStream(b), () -> { });
        }
    }

    @TempDir
    Path dir;
    SearchIndex index;
    ExecutorService pool;
    final Scripted source = new Scripted();

    @BeforeEach
    void open() throws Exception {
        index = SearchIndex.open(dir.resolve("index"));
        pool = Executors.newFixedThreadPool(6);
    }

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        index.close();
    }

    List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("g%02d", i);
            source.add(id, 3 + i % 4);
            ids.add(id);
        }
        return ids;
    }

    @Test
    void neverMoreGroupsAtOnceThanAllowedAndEveryMessageIndexed() throws Exception {
        List<String> ids = ids(12);
        source.delayMillis = 20;
        Indexer.Report r = new Indexer(source, index, pool, 2).indexIds(ids, Indexer.Listener.NONE,
                Cancellation.none());
        assertEquals(12, r.indexed());
        assertTrue(source.maxInFlight.get() <= 2, "at most two groups in flight: " + source.maxInFlight);
        assertEquals(2, source.maxInFlight.get(), "and really two in parallel");
        long expected = ids.stream().mapToLong(source.sizes::get).sum();
        assertEquals(expected, r.messages());
        assertEquals(expected, index.search("marmalade", 10, ZoneOffset.UTC).totalHits());
    }

    @Test
    void aFailingGroupIsReportedAndTheOthersStillIndexed() throws Exception {
        List<String> ids = ids(6);
        source.failing.add("g03");
        List<Indexer.Outcome> outcomes = new ArrayList<>();
        Indexer.Report r = new Indexer(source, index, pool, 3).indexIds(ids, new Indexer.Listener() {
            @Override
            public void progress(Indexer.Progress p) {
            }

            @Override
            public void groupDone(Indexer.Outcome o) {
                outcomes.add(o);
            }
        }, Cancellation.none());
        assertEquals(5, r.indexed());
        assertEquals(1, r.failed());
        assertEquals("g03", r.failures().get(0).groupId());
        assertEquals("The server is not answering.", r.failures().get(0).error());
        assertEquals(6, outcomes.size());
        assertFalse(index.contains("g03"));
        source.failing.clear();
        Indexer.Report again = new Indexer(source, index, pool, 3).indexIds(ids, Indexer.Listener.NONE,
                Cancellation.none());
        assertEquals(1, again.indexed(), "only the failed group is fetched whole again");
        assertEquals(5, again.skipped());
    }

    @Test
    void cancelStopsSoonAndLeavesNoHalfIndexedGroup() throws Exception {
        List<String> ids = ids(30);
        source.delayMillis = 30;
        Cancellation c = new Cancellation();
        Indexer.Report r = new Indexer(source, index, pool, 3).indexIds(ids, p -> {
            if (p.done() == 4) {
                c.cancel();
            }
        }, c);
        assertTrue(r.cancelled());
        int done = r.indexed();
        assertTrue(done >= 4 && done < 30, "stopped early: " + done);
        assertEquals(done, index.groupCount());
        long messagesOfIndexedGroups = ids.stream().filter(id -> {
            try {
                return index.contains(id);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).mapToLong(source.sizes::get).sum();
        assertEquals(messagesOfIndexedGroups, index.messageCount(), "a cancelled group leaves no messages behind");
    }

    @Test
    void indexAllWalksEveryPageAndDropsDeletedGroups() throws Exception {
        List<String> ids = ids(8);
        List<Indexer.Progress> progress = new ArrayList<>();
        Indexer indexer = new Indexer(source, index, pool, 2);
        Indexer.Report r = indexer.indexAll(progress::add, Cancellation.none());
        assertEquals(8, r.indexed());
        assertEquals(3, source.groupsCalls.get(), "pages of 3: three requests");
        assertEquals(-1, progress.get(progress.size() - 1).total(), "the source gives no total");
        source.deleted.add(ids.get(2));
        Indexer.Outcome o = indexer.reindex(ids.get(2), Cancellation.none());
        assertEquals(Indexer.Status.REMOVED, o.status());
        assertFalse(index.contains(ids.get(2)));
        assertEquals(0, index.search("group:" + ids.get(2), 10, ZoneOffset.UTC).totalHits());
        assertEquals(7, index.groupCount());
    }

    @Test
    void aChangedGroupIsIndexedAgainAndItsOldMessagesReplaced() throws Exception {
        ids(3);
        Indexer indexer = new Indexer(source, index, pool, 2);
        List<GroupSummary> rows = List.of(source.summary("g00"), source.summary("g01"), source.summary("g02"));
        indexer.indexGroups(rows, Indexer.Listener.NONE, Cancellation.none());
        source.add("g01", 9);
        Indexer.Report r = indexer.indexGroups(List.of(source.summary("g00"), source.summary("g01"),
                source.summary("g02")), Indexer.Listener.NONE, Cancellation.none());
        assertEquals(1, r.indexed());
        assertEquals(2, r.skipped());
        assertEquals(9, index.search("group:g01", 50, ZoneOffset.UTC).totalHits(), "replaced, not added to");
    }
}
