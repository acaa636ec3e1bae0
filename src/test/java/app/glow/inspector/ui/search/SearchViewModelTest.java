package app.glow.inspector.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.search.Indexer;
import app.glow.inspector.search.SearchHit;
import app.glow.inspector.search.SearchIndexes;
import app.glow.inspector.search.SearchSession;
import app.glow.inspector.service.StubSource;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.ui.BackgroundRunner;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search pane's logic on the calling thread: open, search, step, select, index, cancel, live. */
class SearchViewModelTest {
    /** A demo-like source: group g has messages whose text says which group and message it is. */
    static final class Groups extends StubSource {
        final Map<String, Integer> sizes = new ConcurrentHashMap<>();

        @Override
        public boolean isDemo() {
            return true; // indexed under the demo's one key
        }

        GroupSummary summary(String id) {
            return new GroupSummary(id, "Group " + id, Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2026-01-02T00:00:00Z"), 1, sizes.get(id), 0, 0, 0, BigDecimal.ZERO, List.of(),
                    List.of(), List.of());
        }

        @Override
        public GroupDetail detail(String id, Integer offset, Integer limit, Cancellation c) {
            int size = sizes.getOrDefault(id, 0);
            int from = offset == null ? 0 : offset;
            int to = Math.min(size, from + (limit == null ? size : limit));
            List<Message> ms = new ArrayList<>();
            for (int i = from; i < to; i++) {
                ms.add(new Message(id + "-m" + i, i % 2 == 0 ? "user" : "assistant", List.of(id + " " + i),
                        List.of(), List.of(), List.of(), List.of(), List.of()));
            }
            Run run = new Run(id + "-run", Instant.parse("2026-01-02T00:00:00Z"), 1, 1, 0, BigDecimal.ZERO, "m", "a",
                    "p");
            return new GroupDetail(true, id, "Group " + id, null, size, List.of(new RunWithMessages(run, ms, null)),
                    List.of(), List.of(), List.of());
        }

        @Override
        public MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c) {
            String[] p = uploadId.split(" ");
            byte[] b = ("quince tart from group " + p[0] + (Integer.parseInt(p[1]) % 3 == 0 ? " with rhubarb" : ""))
                    .getBytes(StandardCharsets.UTF_8);
            return new MediaStream(200, "text/plain", b.length, 0, b.length, null, null, true,
                    new ByteArrayInputStream(b), () -> { });
        }
    }

    @TempDir
    Path dir;
    final Groups source = new Groups();
    final BackgroundRunner runner = new BackgroundRunner(Runnable::run, Runnable::run, Runnable::run);
    SearchViewModel vm;

    SearchViewModel start() {
        SearchIndexes indexes = new SearchIndexes(dir);
        vm = new SearchViewModel(runner, (l, c) -> SearchSession.open(indexes, source, 2, l, c), ZoneOffset.UTC);
        vm.start();
        return vm;
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    List<GroupSummary> groups(int n) {
        List<GroupSummary> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "g" + i;
            source.sizes.put(id, 4 + i);
            out.add(source.summary(id));
        }
        return out;
    }

    @Test
    void nothingIndexedYetSaysWhatToDoAndASearchFindsNothing() {
        start();
        assertNotNull(vm.sessionProperty().get());
        assertTrue(vm.statusProperty().get().contains("Nothing indexed yet"), vm.statusProperty().get());
        vm.search("quince");
        assertEquals("No message matches.", vm.statusProperty().get());
        assertTrue(vm.hits().isEmpty());
    }

    @Test
    void indexingThenSearchingGroupsHitsAndStepsThroughThem() {
        start();
        List<GroupSummary> rows = groups(3);
        vm.search("rhubarb");
        vm.index(rows);
        assertFalse(vm.indexingProperty().get());
        assertTrue(vm.statusProperty().get().matches("Indexed: 3 groups \\(15 messages\\)\\. 6 hits in 3 groups\\."),
                "the search ran again after indexing: " + vm.statusProperty().get());
        int expected = 2 + 2 + 2; // messages 0 and 3 of g0 (4), g1 (5); 0 and 3 of g2 (6)
        assertEquals(expected, vm.hits().size());
        assertEquals(3, vm.groupIdsWithHits().size());
        assertEquals(-1, vm.currentProperty().get());
        SearchHit first = vm.next();
        assertEquals(0, vm.currentProperty().get());
        assertEquals(first, vm.hits().get(0));
        assertEquals("rhubarb", SearchPane.firstMatch(first));
        assertEquals(vm.hits().get(vm.hits().size() - 1), vm.previous(), "N from the first wraps to the last");
        vm.select(vm.hits().get(3));
        assertEquals(3, vm.currentProperty().get());
        assertEquals(vm.hits().get(4), vm.next());
        for (SearchHit h : vm.hits()) {
            assertTrue(h.position() >= 0);
            assertTrue(h.messageId().equals(h.groupId() + "-m" + h.position()), h.toString());
        }
    }

    @Test
    void anUnreadableSearchShowsASentenceAndKeepsNoStaleHits() {
        start();
        vm.index(groups(2));
        vm.search("quince");
        assertFalse(vm.hits().isEmpty());
        vm.search("\"quince");
        assertTrue(vm.errorProperty().get().contains("quotation mark"), vm.errorProperty().get());
        assertTrue(vm.hits().isEmpty());
        assertNull(vm.resultsProperty().get());
        vm.search("quince");
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void unchangedGroupsAreNotIndexedTwiceAndCancelStopsIndexing() {
        start();
        List<GroupSummary> rows = groups(4);
        vm.index(rows);
        vm.index(rows);
        assertEquals("Indexed: 0 groups (0 messages), 4 unchanged.", vm.statusProperty().get());
        assertTrue(vm.indexSizeProperty().get().matches("Index: \\d+\\.\\d MB"), vm.indexSizeProperty().get());
        vm.search("quince");
        assertFalse(vm.hits().isEmpty());
        vm.clearIndex();
        assertTrue(vm.hits().isEmpty());
        assertEquals("The index is empty now.", vm.statusProperty().get());
        vm.search("quince");
        assertEquals("No message matches.", vm.statusProperty().get());
        vm.search("zzz");
        vm.index(rows);
        assertEquals("Indexed: 4 groups (22 messages). No message matches.", vm.statusProperty().get(),
                "cleared groups index again");

        BackgroundRunner held = new BackgroundRunner(Runnable::run, r -> { }, Runnable::run); // bulk never runs
        SearchViewModel other = new SearchViewModel(held, (l, c) -> null, ZoneOffset.UTC);
        other.start();
        assertTrue(other.indexingProperty().get(), "opening counts as indexing (an archive is indexed then)");
        other.cancelIndexing();
        assertTrue(other.statusProperty().get().contains("cancelled"));
        other.close();
    }

    @Test
    void aLiveEventReindexesAnIndexedGroupAndTheSearchRunsAgain() throws Exception {
        // results come back through an FX queue this thread drains, as on the real FX thread
        java.util.concurrent.BlockingQueue<Runnable> fx = new java.util.concurrent.LinkedBlockingQueue<>();
        SearchIndexes indexes = new SearchIndexes(dir);
        vm = new SearchViewModel(new BackgroundRunner(Runnable::run, Runnable::run, fx::add),
                (l, c) -> SearchSession.open(indexes, source, 2, l, c), ZoneOffset.UTC);
        vm.start();
        drain(fx);
        vm.index(groups(2));
        drain(fx);
        vm.search("group g1");
        drain(fx);
        int before = vm.hits().size();
        assertTrue(before > 0);
        source.sizes.put("g1", source.sizes.get("g1") + 3);
        vm.groupSaved("g1");
        long deadline = System.currentTimeMillis() + 10_000;
        while (vm.hits().size() == before && System.currentTimeMillis() < deadline) {
            Runnable r = fx.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        assertEquals(before + 3, vm.hits().size(), "the new messages of the saved group are found");
    }

    private static void drain(java.util.concurrent.BlockingQueue<Runnable> fx) {
        for (Runnable r = fx.poll(); r != null; r = fx.poll()) {
            r.run();
        }
    }
}
