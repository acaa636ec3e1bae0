package app.glow.inspector.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GenerationEvent;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.ModelRef;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first 40 groups of the demo instance indexed over loopback HTTP, then searched; counts are
 * checked against the groups' own detail (each message once), not against the index itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchOnDemoTest {
    static final int GROUPS = 40;

    /** One message as the detail shows it, with its run. */
    record Seen(String groupId, Run run, Message message, String modelName) {
    }

    @TempDir
    static Path dir;
    static DemoServer demo;
    static RemoteSource source;
    static ExecutorService pool;
    static SearchIndex index;
    static Indexer indexer;
    static List<GroupSummary> groups;
    static Indexer.Report first;
    static final List<Indexer.Progress> progress = new ArrayList<>();
    static final List<Seen> seen = new ArrayList<>();

    @BeforeAll
    static void indexTheFirstGroups() throws Exception {
        demo = DemoServer.start(DemoServer.Options.defaults().withGroups(120).withLive(0, 1000));
        GlowClient client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        source = new RemoteSource(client, "demo", true, null);
        groups = source.groups(GroupsQuery.firstPage(GROUPS), Cancellation.none()).groups();
        pool = Executors.newFixedThreadPool(4);
        index = SearchIndex.open(dir.resolve("index"));
        indexer = new Indexer(source, index, pool, 4);
        first = indexer.indexGroups(groups, p -> {
            synchronized (progress) {
                progress.add(p);
            }
        }, Cancellation.none());
        for (GroupSummary g : groups) {
            collect(g.groupId());
        }
    }

    static void collect(String groupId) throws Exception {
        Set<String> ids = new HashSet<>();
        int offset = 0;
        while (true) {
            GroupDetail d = source.detail(groupId, offset, 200, Cancellation.none());
            Map<String, String> models = new HashMap<>();
            d.models().forEach((ModelRef m) -> models.put(m.modelId(), m.name()));
            for (RunWithMessages rm : d.runs()) {
                for (Message m : rm.messages()) {
                    if (ids.add(m.id())) {
                        seen.add(new Seen(groupId, rm.run(), m, models.get(rm.run().modelId())));
                    }
                }
            }
            offset += d.windowMessageCount();
            if (d.windowMessageCount() == 0 || offset >= d.totalMessageCount()) {
                return;
            }
        }
    }

    static long expected(Predicate<Seen> p) {
        return seen.stream().filter(p).count();
    }

    @AfterAll
    static void stop() throws Exception {
        pool.shutdownNow();
        index.close();
        demo.close();
    }

    static SearchResults search(String q) throws Exception {
        return index.search(q, 200, ZoneOffset.UTC);
    }

    @Test
    @Order(1)
    void everyGroupIsIndexedWithProgressInOrder() throws Exception {
        assertEquals(GROUPS, first.indexed(), first.failures().toString());
        assertEquals(0, first.failed());
        assertEquals(seen.size(), first.messages(), "each message once, replayed context not repeated");
        assertEquals(GROUPS, index.groupCount());
        assertEquals(seen.size(), index.messageCount());
        assertEquals(GROUPS, progress.size());
        for (int i = 0; i < progress.size(); i++) {
            assertEquals(i + 1, progress.get(i).done());
            assertEquals(GROUPS, progress.get(i).total());
        }
    }

    @Test
    @Order(2)
    void phrasesMatchWordsInThatOrderOnly() throws Exception {
        SearchResults r = search("\"base case\"");
        assertTrue(r.totalHits() > 0);
        for (SearchHit h : r.hits()) {
            String marked = h.snippet().marked("[", "]").toLowerCase(Locale.ROOT);
            assertTrue(marked.contains("[base] [case]") || marked.contains("[base case]"), marked);
        }
        assertEquals(0, search("\"case base\"").totalHits(), "the same words in another order are not the phrase");
        assertTrue(search("case base").totalHits() >= r.totalHits(), "without quotes, both words anywhere");
    }

    @Test
    @Order(3)
    void roleModelTemplateGroupAndDateFiltersMatchTheDetail() throws Exception {
        assertEquals(expected(s -> s.message().role().equals("assistant")), search("role:assistant").totalHits());
        assertTrue(search("role:assistant").hits().stream().allMatch(h -> h.role().equals("assistant")));
        assertEquals(expected(s -> "gpt-4o".equals(s.modelName())), search("model:gpt-4o").totalHits(),
                "gpt-4o only, not gpt-4o-mini");
        assertEquals(expected(s -> s.modelName() != null && s.modelName().startsWith("gpt-4o")),
                search("model:gpt-4o*").totalHits());
        long rubric = expected(s -> s.message().calls().stream()
                .anyMatch(c -> "lookup_rubric".equals(c.templateName())));
        assertTrue(rubric > 0, "the demo has rubric look-ups in these groups");
        assertEquals(rubric, search("template:lookup_rubric").totalHits());
        String g = groups.get(7).groupId();
        SearchResults inGroup = search("group:" + g);
        assertEquals(expected(s -> s.groupId().equals(g)), inGroup.totalHits());
        assertEquals(List.of(g), inGroup.groups().stream().map(GroupHits::groupId).toList());
        Instant from = Instant.parse("2026-11-27T00:00:00Z");
        Instant to = Instant.parse("2026-11-28T00:00:00Z");
        long day = expected(s -> !s.run().createdAt().isBefore(from) && s.run().createdAt().isBefore(to));
        assertTrue(day > 0 && day < seen.size(), "the day holds some of the messages, not all");
        assertEquals(day, search("date:2026-11-27").totalHits());
        assertEquals(day, search("date:[2026-11-27 TO 2026-11-27]").totalHits());
        assertEquals(seen.size() - day, search("NOT date:2026-11-27").totalHits());
    }

    @Test
    @Order(4)
    void toolCallPathsAndUploadFileNamesAreSearchable() throws Exception {
        long mainPy = expected(s -> s.message().calls().stream()
                .anyMatch(c -> c.filePath() != null && c.filePath().endsWith("/main.py")));
        assertTrue(mainPy > 0);
        assertTrue(search("file:main.py").totalHits() >= mainPy);
        // group 4 of the demo uploads files with hostile names, e.g. "…\hw4 final FINAL (2).py"
        SearchResults hostile = search("file:\"final FINAL\"");
        assertTrue(hostile.countsByGroup().containsKey(groups.get(4).groupId()), hostile.countsByGroup().toString());
    }

    @Test
    @Order(5)
    void prefixesMatchEveryWordThatStartsSo() throws Exception {
        SearchResults r = search("recurs*");
        assertTrue(r.totalHits() > 0);
        for (SearchHit h : r.hits()) {
            if (!h.snippet().matches().isEmpty()) {
                Snippet.Span s = h.snippet().matches().get(0);
                assertTrue(h.snippet().text().substring(s.start(), s.end()).toLowerCase(Locale.ROOT)
                        .startsWith("recurs"), h.snippet().text());
            }
        }
        assertTrue(r.hits().stream().anyMatch(h -> !h.snippet().matches().isEmpty()));
    }

    @Test
    @Order(6)
    void resultsAreGroupedWithExactCounts() throws Exception {
        SearchResults r = index.search("role:user", 25, ZoneOffset.UTC);
        assertTrue(r.truncated());
        assertEquals(25, r.hits().size());
        assertEquals(r.totalHits(), r.countsByGroup().values().stream().mapToLong(Integer::longValue).sum());
        for (GroupHits g : r.groups()) {
            assertEquals(expected(s -> s.groupId().equals(g.groupId()) && s.message().role().equals("user")),
                    g.count());
            assertTrue(g.hits().size() <= g.count());
            assertNotNull(g.groupName());
            for (SearchHit h : g.hits()) {
                assertNotNull(h.messageId());
                assertNotNull(h.runId());
                assertNotNull(h.time());
                GroupDetail at = source.detail(h.groupId(), (int) h.position(), 1, Cancellation.none());
                assertEquals(List.of(h.messageId()), at.runs().stream().flatMap(x -> x.messages().stream())
                        .map(Message::id).toList(), "the hit's position opens the group at that message");
            }
        }
    }

    @Test
    @Order(7)
    void aSearchWithNoHitsIsAnEmptyAnswer() throws Exception {
        SearchResults r = search("zyzzyvaqx");
        assertEquals(0, r.totalHits());
        assertTrue(r.groups().isEmpty());
        assertFalse(r.truncated());
    }

    @Test
    @Order(8)
    void hostileSearchesGiveAReadableSentence() throws Exception {
        for (String q : List.of("\"unclosed", "*", "role:", "x".repeat(5000), "(a OR b", "model:[a TO", "\\")) {
            SearchSyntaxException e = assertThrows(SearchSyntaxException.class, () -> search(q), q);
            SearchQueryParserTest.assertReadable(e.getMessage());
        }
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 330; i++) {
            many.append((char) ('a' + i / 26 % 26)).append((char) ('a' + i % 26)).append(' ');
        }
        // 330 different words over four default fields: beyond Lucene's clause limit at search time
        SearchSyntaxException e = assertThrows(SearchSyntaxException.class, () -> search(many.toString()));
        assertTrue(e.getMessage().contains("too many words"), e.getMessage());
    }

    @Test
    @Order(9)
    void unchangedGroupsAreSkippedWithoutARequest() throws Exception {
        int before = demo.requestCount();
        Indexer.Report again = indexer.indexGroups(groups, Indexer.Listener.NONE, Cancellation.none());
        assertEquals(GROUPS, again.skipped());
        assertEquals(0, again.indexed());
        assertEquals(before, demo.requestCount(), "list rows say the groups are unchanged: nothing fetched");
        Indexer.Report byId = indexer.indexIds(groups.subList(0, 5).stream().map(GroupSummary::groupId).toList(),
                Indexer.Listener.NONE, Cancellation.none());
        assertEquals(5, byId.skipped());
        assertEquals(before + 5, demo.requestCount(), "by id: one first window each, no texts");
    }

    @Test
    @Order(10)
    void aLiveEventReindexesItsGroupAndTheNewMessageIsFound() throws Exception {
        String g = groups.get(0).groupId();
        int runsBefore = source.detail(g, 0, 1, Cancellation.none()).runs().size();
        int steps = 0;
        while (source.detail(g, 0, 1, Cancellation.none()).runs().size() == runsBefore) {
            demo.stepLiveGeneration();
            assertTrue(++steps < 50, "the live generator adds a run");
        }
        List<RunWithMessages> runs = source.detail(g, 0, 1, Cancellation.none()).runs();
        String newRun = runs.get(runs.size() - 1).run().id();
        String phrase = "group:" + g + " AND \"run " + runs.size() + "\"";
        assertEquals(0, search("run:" + newRun).totalHits());
        assertEquals(0, search(phrase).totalHits());

        LiveReindexer live = new LiveReindexer(indexer, Runnable::run, Cancellation.none(), o -> { });
        live.onEvent(new GenerationEvent.GenerationProgressEvent(null, g, newRun, 1, 4, 25));
        assertEquals(0, search("run:" + newRun).totalHits(), "progress changes nothing");
        live.onEvent(new GenerationEvent.GenerationSavedEvent("9", g, newRun, "group"));
        assertTrue(search("run:" + newRun).totalHits() > 0);
        SearchResults found = search(phrase);
        assertEquals(1, found.totalHits(), "the new run's system prompt names it");
        assertEquals(newRun, found.hits().get(0).runId());

        String unindexed = source.groups(GroupsQuery.firstPage(GROUPS + 1), Cancellation.none()).groups()
                .get(GROUPS).groupId();
        live.onEvent(new GenerationEvent.GenerationSavedEvent("10", unindexed, "r", "group"));
        assertFalse(index.contains(unindexed), "live events re-index, they do not pull new groups in");
    }
}
