package app.glow.inspector.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.service.Summaries;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.source.SourceException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The case report against the demo instance, with a hostile message and a broken image slipped
 * in: the file parses as XML, holds every annotated message with its neighbours, every note, the
 * source's URL or archive hash, embedded thumbnails, and no markup from the data.
 */
class CaseReportTest {
    static final String HOSTILE = "<script>alert('pwned')</script> & \"quoted\" \u0007bell";
    static final String NOTE = "<img src=x onerror=alert(1)> copied from \"answers.txt\" & more";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:30:00Z"), ZoneOffset.UTC);

    static DemoServer demo;
    static GlowClient client;
    static String groupId;
    static String otherGroupId;
    /** The group's distinct turns, as the report numbers them. */
    static List<Message> turns;
    static int imageAt;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(DemoServer.Options.defaults().withGroups(40).withLive(0, 1000));
        client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        RemoteSource live = new RemoteSource(client, "demo", true, null);
        List<GroupSummary> page = live.groups(GroupsQuery.firstPage(40), Cancellation.none()).groups();
        for (GroupSummary g : page) {
            List<Message> distinct = distinct(live.detail(g.groupId(), 0, 500, Cancellation.none()));
            for (int i = 3; i < distinct.size() - 3; i++) {
                if (!distinct.get(i).imageUploadIds().isEmpty() && distinct.size() > 12) {
                    groupId = g.groupId();
                    turns = distinct;
                    imageAt = i;
                    break;
                }
            }
            if (groupId != null) {
                break;
            }
        }
        assertTrue(groupId != null, "the demo data has a group with an image in the middle");
        otherGroupId = page.stream().map(GroupSummary::groupId).filter(id -> !id.equals(groupId)).findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static List<Message> distinct(GroupDetail d) {
        Map<String, Message> byId = new LinkedHashMap<>();
        d.runs().forEach(r -> r.messages().forEach(m -> byId.putIfAbsent(m.id(), m)));
        return new ArrayList<>(byId.values());
    }

    /** Flags the first, an image-bearing middle and the last turn; a group note; a note on a missing message. */
    static List<Annotation> annotate(ReviewStore store, String key) throws Exception {
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        List<Annotation> made = List.of(
                Annotation.create(key, groupId, turns.get(imageAt).id(), "Possible misconduct", NOTE, "Rev <b>One</b>",
                        t),
                Annotation.create(key, groupId, turns.get(0).id(), "Persona broke character", "first turn", "Rev Two",
                        t.plusSeconds(1)),
                Annotation.create(key, groupId, turns.get(turns.size() - 1).id(), null, "last turn, a plain note",
                        "Rev Two", t.plusSeconds(2)),
                Annotation.create(key, groupId, null, null, "the whole group reads as scripted", "Rev Two",
                        t.plusSeconds(3)),
                Annotation.create(key, groupId, "no-such-message", "Tool error", "message gone", "Rev Two",
                        t.plusSeconds(4)));
        for (Annotation a : made) {
            store.save(a);
        }
        store.setStatus(new GroupReview(key, groupId, ReviewStatus.ESCALATED, "Rev Two", t.plusSeconds(5)));
        return made;
    }

    static Document parse(Path html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(html.toFile());
    }

    static List<Element> byClass(Document d, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if ((" " + e.getAttribute("class") + " ").contains(" " + cls + " ")) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void theReportHoldsEveryFlagInContextEscapedAndSelfContained() throws Exception {
        String url = demo.url();
        // not the demo flag: the report must name the instance URL
        Hostile source = new Hostile(new RemoteSource(client, "instance", false, null));
        Path out = dir.resolve("case.html");
        try (SqliteReviewStore store = SqliteReviewStore.open(dir.resolve("r.db"))) {
            List<Annotation> made = annotate(store, source.sourceKey());
            CaseReport.Result r = new CaseReport(source, store, ZoneId.of("UTC"), CLOCK).window(7)
                    .write(List.of(groupId, otherGroupId), out, Cancellation.none());
            assertEquals(2, r.groups());
            assertEquals(3, r.annotatedMessages());
            assertEquals(made.size(), r.annotations());
            assertTrue(r.images() >= 1, "at least one thumbnail");
        }
        assertTrue(source.maxLimit.get() <= 7, "messages were read window by window, never all at once");
        assertTrue(source.detailCalls.get() > 2, "several windows");
        try (var files = Files.list(dir)) {
            assertTrue(files.map(p -> p.getFileName().toString()).noneMatch(n -> n.endsWith(".part")),
                    "no temporary file left beside the report");
        }

        String raw = Files.readString(out, StandardCharsets.UTF_8);
        Document doc = parse(out); // well-formed XHTML, or this throws
        assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength(), "no script element");
        assertFalse(raw.toLowerCase().contains("<script"), "no script tag anywhere");
        assertFalse(raw.contains("<img src=x"), "the note's markup stays text");
        assertTrue(raw.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        assertFalse(raw.matches("(?s).*(https?:)?//[a-z0-9.-]+/[^\"]*\\.(css|js|png)\".*"), "no external resource");
        assertFalse(raw.contains("<link"), "no stylesheet link");
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains(url), "the instance URL");
        assertTrue(text.contains("2026-12-01 09:30:00"), "the report date");
        assertTrue(text.contains(NOTE), "the note, literally");
        assertTrue(text.contains("<script>alert('pwned')</script>"), "the hostile message, literally");
        assertTrue(text.contains("Rev <b>One</b>"), "the reviewer's name, literally");
        for (String note : List.of("first turn", "last turn, a plain note", "the whole group reads as scripted",
                "message gone", "Possible misconduct", "Persona broke character", "Escalated")) {
            assertTrue(text.contains(note), note);
        }
        GroupDetail head = client.groupDetail(groupId, 0, 0, Cancellation.none());
        assertTrue(text.contains(Money.exact(Summaries.of(head).cost())), "the exact cost");
        assertTrue(text.contains(String.format("%,d input", Summaries.of(head).inputTokens())), "the tokens");

        List<Element> flags = byClass(doc, "article", "flag");
        assertEquals(3, flags.size());
        int[] flagged = {0, imageAt, turns.size() - 1};
        for (int k = 0; k < 3; k++) {
            int at = flagged[k];
            List<Element> msgs = new ArrayList<>();
            NodeList divs = flags.get(k).getElementsByTagNameNS("*", "div");
            for (int i = 0; i < divs.getLength(); i++) {
                Element e = (Element) divs.item(i);
                if (e.getAttribute("class").startsWith("msg")) {
                    msgs.add(e);
                }
            }
            List<String> expected = turns.subList(Math.max(0, at - 2), Math.min(turns.size(), at + 3)).stream()
                    .map(Message::id).toList();
            assertEquals(expected.size(), msgs.size(), "the flagged message and up to two either side");
            for (int i = 0; i < msgs.size(); i++) {
                assertTrue(msgs.get(i).getTextContent().contains(expected.get(i)), "in order: " + expected.get(i));
                boolean isFlagged = expected.get(i).equals(turns.get(at).id());
                assertEquals(isFlagged, msgs.get(i).getAttribute("class").contains("flagged"));
            }
        }
        // the middle flag carries its images: a real thumbnail at most 320 wide, and the broken one as a sentence
        List<Element> imgs = new ArrayList<>();
        NodeList all = flags.get(1).getElementsByTagNameNS("*", "img");
        for (int i = 0; i < all.getLength(); i++) {
            imgs.add((Element) all.item(i));
        }
        String src = imgs.get(0).getAttribute("src");
        assertTrue(src.startsWith("data:image/"), src.substring(0, 30));
        var thumb = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',')
                + 1))));
        assertTrue(thumb.getWidth() <= 320 && thumb.getWidth() > 0, "thumbnail width " + thumb.getWidth());
        assertTrue(flags.get(1).getTextContent().contains("Image " + Hostile.BROKEN + ": The image could not be"),
                flags.get(1).getTextContent());
        assertTrue(text.contains("Annotations on messages not found in this group"));
    }

    @Test
    void aReportFromAnArchiveNamesItsFileAndHash(@TempDir Path work) throws Exception {
        RemoteSource live = new RemoteSource(client, "demo", true, null);
        Path zip = work.resolve("case-archive.zip");
        try (SqliteReviewStore store = SqliteReviewStore.open(work.resolve("r.db"))) {
            annotate(store, live.sourceKey());
            new ArchiveExporter(live, store, null).export(List.of(groupId), new ArchiveExporter.Options(true, false),
                    zip, (a, b, c) -> { }, Cancellation.none());
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        Path out = work.resolve("from-archive.html");
        try (SqliteReviewStore fresh = SqliteReviewStore.open(work.resolve("fresh.db"));
             ArchiveSource archive = ArchiveSource.open(zip)) {
            ReviewImport.importFrom(archive, fresh);
            CaseReport.Result r = new CaseReport(archive, fresh, ZoneId.of("UTC"), CLOCK).write(List.of(groupId), out,
                    Cancellation.none());
            assertEquals(3, r.annotatedMessages());
            assertTrue(r.images() >= 1);
        }
        Document doc = parse(out);
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("case-archive.zip"));
        assertTrue(text.contains(sha), "the archive's SHA-256");
        assertTrue(text.contains(NOTE));
    }

    @Test
    void theEscaperHandlesEveryMarkupCharacterAndWhatXmlForbids() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>&</a>"));
        assertEquals("a\uFFFDb\uFFFDc\n", Html.escape("a\u0000b\uD800c\r"));
        assertEquals("😀", Html.escape("😀"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void unreadableImagesBecomeASentence() {
        Thumbnails.Thumb t = Thumbnails.fromBytes("not an image at all".getBytes(StandardCharsets.UTF_8));
        assertTrue(t.dataUri() == null && t.problem() != null);
        byte[] bomb = new byte[64];
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 1, 0, 0, 0, 1, 0, 0};
        System.arraycopy(png, 0, bomb, 0, png.length);
        t = Thumbnails.fromBytes(bomb);
        assertTrue(t.problem().contains("megapixels"), t.problem());
    }

    /**
     * The demo instance with two things a real one might send: a message whose text is markup,
     * and an extra image that is not an image. Counts the detail windows asked for.
     */
    static final class Hostile implements GroupSource {
        static final String BROKEN = "broken-image-1";
        final GroupSource inner;
        final AtomicInteger detailCalls = new AtomicInteger();
        final AtomicInteger maxLimit = new AtomicInteger();

        Hostile(GroupSource inner) {
            this.inner = inner;
        }

        @Override
        public String title() {
            return inner.title();
        }

        @Override
        public String sourceKey() throws SourceException {
            return inner.sourceKey();
        }

        @Override
        public boolean isDemo() {
            return inner.isDemo();
        }

        @Override
        public boolean isLive() {
            return false;
        }

        @Override
        public GroupsPage groups(GroupsQuery query, Cancellation c) throws SourceException {
            return inner.groups(query, c);
        }

        @Override
        public GroupIdentity resolve(String id, Cancellation c) throws SourceException {
            return inner.resolve(id, c);
        }

        @Override
        public GroupDetail detail(String id, Integer offset, Integer limit, Cancellation c) throws SourceException {
            if (limit == null) {
                maxLimit.set(Integer.MAX_VALUE);
            } else if (limit > 0) {
                detailCalls.incrementAndGet();
                maxLimit.accumulateAndGet(limit, Math::max);
            }
            GroupDetail d = inner.detail(id, offset, limit, c);
            String target = turns.get(imageAt).id();
            List<RunWithMessages> runs = d.runs().stream().map(r -> new RunWithMessages(r.run(), r.messages().stream()
                    .map(m -> !m.id().equals(target) ? m : new Message(m.id(), m.role(), m.textUploadIds(),
                            m.audioUploadIds(), append(m.imageUploadIds(), BROKEN), m.videoUploadIds(),
                            m.fileUploadIds(), m.calls())).toList(), r.previousContextStartIndex())).toList();
            return new GroupDetail(d.groupExists(), d.groupId(), d.groupName(), d.actorName(), d.totalMessageCount(),
                    runs, d.models(), d.agents(), d.profiles());
        }

        private static List<String> append(List<String> list, String one) {
            List<String> out = new ArrayList<>(list);
            out.add(one);
            return out;
        }

        @Override
        public MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c)
                throws SourceException {
            Message target = turns.get(imageAt);
            if (kind == MediaKind.TEXT && target.textUploadIds().contains(uploadId)) {
                return bytes(HOSTILE.getBytes(StandardCharsets.UTF_8));
            }
            if (kind == MediaKind.IMAGE && BROKEN.equals(uploadId)) {
                return bytes(truncatedPng());
            }
            return inner.openUpload(kind, uploadId, range, c);
        }

        /** A real PNG header (10 × 10) whose data stops short. */
        private static byte[] truncatedPng() {
            try {
                var out = new java.io.ByteArrayOutputStream();
                ImageIO.write(new java.awt.image.BufferedImage(10, 10, java.awt.image.BufferedImage.TYPE_INT_RGB),
                        "png", out);
                return java.util.Arrays.copyOf(out.toByteArray(), 45);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static MediaStream bytes(byte[] b) {
            return new MediaStream(200, "application/octet-stream", b.length, 0, b.length, "\"x\"", null, true,
                    new ByteArrayInputStream(b), () -> { });
        }
    }
}
