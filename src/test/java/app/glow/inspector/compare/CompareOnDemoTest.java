package app.glow.inspector.compare;

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
import app.glow.inspector.compare.ConversationAlignment.Kind;
import app.glow.inspector.compare.ConversationAlignment.Row;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's comparison pair over loopback HTTP: gaps, highlighted words, exact deltas, archive against live. */
class CompareOnDemoTest {
    static DemoServer demo;
    static RemoteSource live;
    static String a;
    static String b;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(DemoServer.Options.defaults().withLive(0, 1000));
        GlowClient client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        live = new RemoteSource(client, "demo", true, null);
        a = find("model comparison A");
        b = find("model comparison B");
    }

    static String find(String name) throws SourceException {
        var page = live.groups(new GroupsQuery(10, null, name, null, null), Cancellation.none()).groups();
        assertEquals(1, page.size(), name);
        return page.get(0).groupId();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void theInsertedTurnIsAGapAndTheChangedPromptIsOneRowWithItsWordsHighlighted() throws Exception {
        Set<String> stages = new CopyOnWriteArraySet<>();
        Comparison c = Comparison.load(live, a, live, b, (stage, done, total) -> stages.add(stage),
                Cancellation.none());
        assertEquals(Set.of("left", "right", "align"), stages);
        List<Row> rows = c.alignment().rows();
        assertEquals(13, c.left().messages().size());
        assertEquals(16, c.right().messages().size());
        assertEquals(16, rows.size());
        assertEquals(0, c.alignment().count(Kind.LEFT_ONLY, false));
        assertEquals(3, c.alignment().count(Kind.RIGHT_ONLY, false));
        assertEquals(3, c.alignment().count(Kind.BOTH, false));
        assertEquals(10, c.alignment().count(Kind.BOTH, true));

        // the inserted turn: three rows in a row, gap on the left, the system prompt of its run first
        int first = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() == Kind.RIGHT_ONLY) {
                first = first < 0 ? i : first;
                assertTrue(i - first < 3, "right-only rows are contiguous");
                assertNull(rows.get(i).left());
            }
        }
        assertEquals(List.of("system", "user", "assistant"),
                rows.subList(first, first + 3).stream().map(r -> r.right().role()).toList());
        assertTrue(rows.get(first + 1).right().text().contains("stack frame"));
        // below the gap the conversation lines up again: the next row is the next run's changed prompt
        assertEquals(Kind.BOTH, rows.get(first + 3).kind());
        assertFalse(rows.get(first + 3).equal());
        assertTrue(rows.get(first + 4).equal());

        for (Row r : rows) {
            if (r.kind() == Kind.BOTH && !r.equal()) {
                assertEquals("system", r.left().role());
                String ins = joined(r, WordDiff.Op.INSERT);
                String del = joined(r, WordDiff.Op.DELETE);
                assertTrue(ins.contains("small") && ins.contains("short"), ins);
                assertTrue(del.contains("would ask"), del);
                assertFalse(del.contains("Stay in character") || ins.contains("Stay in character"));
            }
        }
    }

    private static String joined(Row r, WordDiff.Op op) {
        return r.words().stream().filter(s -> s.op() == op).map(WordDiff.Segment::text).collect(Collectors.joining("|"));
    }

    @Test
    void deltasAreExactAgainstTheRunsAsServed() throws Exception {
        CompareSummary s = CompareSummary.compute(live, a, live, b, CompareProgress.NONE, Cancellation.none());
        GroupDetail l = live.detail(a, 0, 1, Cancellation.none());
        GroupDetail r = live.detail(b, 0, 1, Cancellation.none());
        BigDecimal costL = l.runs().stream().map(x -> x.run().cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal costR = r.runs().stream().map(x -> x.run().cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Delta cost = s.deltas().get(CompareSummary.COST);
        assertEquals(costL, cost.left());
        assertEquals(costR, cost.right());
        assertEquals(costR.subtract(costL), cost.delta());
        assertEquals(costR.compareTo(costL), cost.sign());

        Delta runs = s.deltas().get(CompareSummary.RUNS);
        assertEquals(BigDecimal.ONE, runs.delta());
        assertEquals(new BigDecimal("25.00"), runs.percent());
        Delta messages = s.deltas().get(CompareSummary.MESSAGES);
        assertEquals(BigDecimal.valueOf(3), messages.delta());
        assertEquals(new BigDecimal("23.08"), messages.percent()); // 3 / 13, half-up
        long outL = l.runs().stream().mapToLong(x -> x.run().outputTokens()).sum();
        long outR = r.runs().stream().mapToLong(x -> x.run().outputTokens()).sum();
        assertEquals(BigDecimal.valueOf(outR - outL), s.deltas().get(CompareSummary.OUTPUT).delta());

        assertEquals(List.of("gpt-4o-mini"), s.models().onlyLeft());
        assertEquals(List.of("claude-sonnet-4"), s.models().onlyRight());
        assertTrue(s.agents().same());
        assertEquals(List.of("TA Jordan Lee"), s.profiles().both());

        assertEquals(List.of("read_file"), s.toolCalls().templates().onlyLeft());
        assertEquals(List.of("search_course_notes"), s.toolCalls().templates().onlyRight());
        assertEquals(List.of("lookup_rubric"), s.toolCalls().templates().both());
        assertEquals(List.of("submissions/sam/hw4/main.py"), s.toolCalls().filePaths().onlyLeft());
        assertEquals(List.of("notes/cs61a/week-4.md"), s.toolCalls().filePaths().onlyRight());
        Delta readFile = s.toolCalls().countsByTemplate().get("read_file");
        assertEquals(-1, readFile.sign());
        assertEquals(new BigDecimal("-100.00"), readFile.percent());
        assertNull(s.toolCalls().countsByTemplate().get("search_course_notes").percent(), "nothing on the left");
    }

    @Test
    void aBigGroupIsReadInWindowsOf200() throws Exception {
        String huge = find("Exam review marathon");
        CountingSource counting = new CountingSource(live);
        List<long[]> progress = new ArrayList<>();
        GroupLoad g = GroupLoad.read(counting, huge, false, "left", (s, d, t) -> progress.add(new long[] {d, t}),
                Cancellation.none());
        long total = g.head().totalMessageCount();
        assertTrue(total > 5000, "total " + total);
        assertTrue(counting.limits.stream().allMatch(x -> x != null && x == GroupLoad.WINDOW), counting.limits.toString());
        assertEquals((total + 199) / 200, counting.limits.size());
        assertEquals(total, progress.get(progress.size() - 1)[0]);
        // replayed context is read once: fewer distinct messages than positions
        assertTrue(g.messages().size() < total);
        assertEquals(g.messages().size(), g.messages().stream().map(GroupLoad.Msg::messageId).distinct().count());
    }

    @Test
    void aServerThatCapsItsWindowsIsPagedToTheEnd() throws Exception {
        CountingSource capped = new CountingSource(live, 5);
        Comparison c = Comparison.load(capped, a, capped, b, CompareProgress.NONE, Cancellation.none());
        Comparison whole = Comparison.load(live, a, live, b, CompareProgress.NONE, Cancellation.none());
        assertEquals(13, c.left().messages().size());
        assertEquals(16, c.right().messages().size());
        assertEquals(3 + 4, capped.limits.size(), "13 and 16 messages in windows of at most 5");
        assertEquals(whole.summary(), c.summary());
        assertEquals(whole.alignment().rows(), c.alignment().rows());
    }

    @Test
    void cancellingStopsTheLoad() {
        Cancellation c = new Cancellation();
        c.cancel();
        SourceException e = assertThrows(SourceException.class,
                () -> Comparison.load(live, a, live, b, CompareProgress.NONE, c));
        assertEquals(SourceException.Reason.CANCELLED, e.reason());
    }

    @Test
    void anArchivedGroupComparesWithALiveOneAsTheLiveOneWould(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("a.zip");
        new ArchiveExporter(live).export(List.of(a), ArchiveExporter.Options.DEFAULT, zip, (d, t, bytes) -> {
        }, Cancellation.none());
        Comparison both = Comparison.load(live, a, live, b, CompareProgress.NONE, Cancellation.none());
        try (ArchiveSource archived = ArchiveSource.open(zip)) {
            Comparison mixed = Comparison.load(archived, a, live, b, CompareProgress.NONE, Cancellation.none());
            assertEquals(both.summary().deltas(), mixed.summary().deltas());
            assertEquals(both.summary().toolCalls(), mixed.summary().toolCalls());
            assertEquals(both.alignment().rows().stream().map(r -> r.kind() + "/" + r.equal()).toList(),
                    mixed.alignment().rows().stream().map(r -> r.kind() + "/" + r.equal()).toList());
            Path html = dir.resolve("compare.html");
            CompareHtml.write(mixed, html);
            String page = Files.readString(html, StandardCharsets.UTF_8);
            assertTrue(page.contains("<ins>small </ins>") || page.contains("<ins>small</ins>"), page);
            assertTrue(page.contains("<del>"), "deleted words are marked");
            assertTrue(page.contains("class=\"gap\""), "the inserted turn shows a gap");
            assertTrue(page.contains("it&#39;s like a box"), "message text is escaped");
            assertFalse(page.contains("<script"), "self-contained, nothing runs");
            assertEquals(1, Files.list(dir).filter(p -> p.getFileName().toString().startsWith("compare")).count(),
                    "no temporary file left");
        }
    }

    @Test
    void aMissingGroupSaysSo() {
        SourceException e = assertThrows(SourceException.class, () -> CompareSummary.compute(live, a, live,
                "00000000-0000-0000-0000-000000000000", CompareProgress.NONE, Cancellation.none()));
        assertTrue(e.reason() == SourceException.Reason.NOT_FOUND || e.reason() == SourceException.Reason.BAD_REQUEST,
                e.reason() + ": " + e.getMessage());
    }
}
