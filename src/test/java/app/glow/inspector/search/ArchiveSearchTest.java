package app.glow.inspector.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.archive.ArchiveExporter;
import app.glow.inspector.archive.ArchiveSource;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported archive is indexed whole once, searched offline, and reused on the next open. */
class ArchiveSearchTest {
    @TempDir
    static Path dir;
    static Path zip;
    static List<GroupSummary> exported;
    static ExecutorService pool;

    @BeforeAll
    static void exportFromTheDemo() throws Exception {
        try (DemoServer demo = DemoServer.start(DemoServer.Options.defaults().withLive(0, 1000))) {
            GlowClient client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.NONE);
            RemoteSource live = new RemoteSource(client, "demo", true, null);
            List<GroupSummary> page = live.groups(GroupsQuery.firstPage(12), Cancellation.none()).groups();
            exported = List.of(page.get(0), page.get(4), page.get(9), page.get(11));
            zip = dir.resolve("review.zip");
            new ArchiveExporter(live).export(exported.stream().map(GroupSummary::groupId).toList(),
                    ArchiveExporter.Options.DEFAULT, zip, (a, b, c) -> { }, Cancellation.none());
        }
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** Counts what the indexer asks of the archive. */
    static final class Counting implements GroupSource {
        final GroupSource inner;
        final AtomicInteger details = new AtomicInteger();
        final AtomicInteger uploads = new AtomicInteger();

        Counting(GroupSource inner) {
            this.inner = inner;
        }

        public String title() {
            return inner.title();
        }

        @Override
        public String sourceKey() throws SourceException {
            return inner.sourceKey();
        }

        public boolean isDemo() {
            return false;
        }

        public boolean isLive() {
            return false;
        }

        public GroupsPage groups(GroupsQuery q, Cancellation c) throws SourceException {
            return inner.groups(q, c);
        }

        public app.glow.inspector.model.GroupIdentity resolve(String id, Cancellation c) throws SourceException {
            return inner.resolve(id, c);
        }

        public GroupDetail detail(String id, Integer o, Integer l, Cancellation c) throws SourceException {
            details.incrementAndGet();
            return inner.detail(id, o, l, c);
        }

        public MediaStream openUpload(MediaKind k, String id, ByteRange r, Cancellation c) throws SourceException {
            uploads.incrementAndGet();
            return inner.openUpload(k, id, r, c);
        }
    }

    @Test
    void theArchiveIsIndexedOnceAndReusedOnTheNextOpenEvenUnderAnotherName() throws Exception {
        SearchIndexes indexes = new SearchIndexes(dir.resolve("cache"));
        long messages;
        try (ArchiveSource a = ArchiveSource.open(zip)) {
            Counting counting = new Counting(a);
            ArchiveIndexing.Result r = new ArchiveIndexing(indexes).open(counting, pool, 2,
                    Indexer.Listener.NONE, Cancellation.none());
            try (SearchIndex index = r.index()) {
                assertFalse(r.reused());
                assertEquals(4, r.report().indexed(), r.report().failures().toString());
                assertTrue(counting.uploads.get() > 0, "texts read from the archive");
                messages = index.messageCount();
                assertTrue(messages > 0);

                SearchResults phrase = index.search("\"a teaching assistant\"", 50, ZoneOffset.UTC);
                assertTrue(phrase.totalHits() > 0);
                SearchResults assistant = index.search("role:assistant AND group:" + exported.get(2).groupId(), 50,
                        ZoneOffset.UTC);
                assertEquals(List.of(exported.get(2).groupId()),
                        assistant.groups().stream().map(GroupHits::groupId).toList());
                assertTrue(assistant.hits().stream().allMatch(h -> h.role().equals("assistant")));
                SearchResults prefix = index.search("teach*", 50, ZoneOffset.UTC);
                assertTrue(prefix.totalHits() >= phrase.totalHits());
                assertEquals(exported.size(), prefix.countsByGroup().size(), "every group's system prompt");
                assertTrue(index.search("template:lookup* OR template:read_file OR role:system", 10, ZoneOffset.UTC)
                        .totalHits() > 0);
                assertEquals(0, index.search("zyzzyvaqx", 10, ZoneOffset.UTC).totalHits());
                SearchSyntaxException bad = assertThrows(SearchSyntaxException.class,
                        () -> index.search("\"a teaching assistant", 10, ZoneOffset.UTC));
                SearchQueryParserTest.assertReadable(bad.getMessage());
            }
        }

        Path renamed = dir.resolve("same-archive-renamed.zip");
        Files.copy(zip, renamed);
        try (ArchiveSource a = ArchiveSource.open(renamed)) {
            Counting counting = new Counting(a);
            ArchiveIndexing.Result r = new ArchiveIndexing(indexes).open(counting, pool, 2,
                    Indexer.Listener.NONE, Cancellation.none());
            try (SearchIndex index = r.index()) {
                assertTrue(r.reused(), "same bytes, same SHA-256: the index is reused");
                assertNull(r.report());
                assertEquals(0, counting.details.get(), "not one group read again");
                assertEquals(0, counting.uploads.get());
                assertEquals(messages, index.messageCount());
                assertTrue(index.search("\"a teaching assistant\"", 50, ZoneOffset.UTC).totalHits() > 0);
            }
        }
        try (var folders = Files.list(indexes.root())) {
            assertEquals(1, folders.count(), "one index for the one archive");
        }
        assertTrue(indexes.sizeBytes() > 0);
    }

    @Test
    void aCancelledFirstIndexIsNotMarkedCompleteAndTheNextOpenFinishesIt() throws Exception {
        SearchIndexes indexes = new SearchIndexes(dir.resolve("cache-cancel"));
        try (ArchiveSource a = ArchiveSource.open(zip)) {
            Cancellation c = new Cancellation();
            ArchiveIndexing.Result r = new ArchiveIndexing(indexes).open(a, Runnable::run, 1,
                    new Indexer.Listener() {
                        @Override
                        public void progress(Indexer.Progress p) {
                            if (p.done() == 1) {
                                c.cancel();
                            }
                        }
                    }, c);
            try (SearchIndex index = r.index()) {
                assertTrue(r.report().cancelled());
                assertEquals(1, index.groupCount());
            }
            ArchiveIndexing.Result again = new ArchiveIndexing(indexes).open(a, Runnable::run, 1,
                    Indexer.Listener.NONE, Cancellation.none());
            try (SearchIndex index = again.index()) {
                assertFalse(again.reused());
                assertEquals(1, again.report().skipped());
                assertEquals(3, again.report().indexed());
                assertEquals(4, index.groupCount());
            }
            ArchiveIndexing.Result third = new ArchiveIndexing(indexes).open(a, Runnable::run, 1,
                    Indexer.Listener.NONE, Cancellation.none());
            third.index().close();
            assertTrue(third.reused());
        }
    }
}
