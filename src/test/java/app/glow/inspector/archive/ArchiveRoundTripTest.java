package app.glow.inspector.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowApiException;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.RemoteSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export three groups from the demo instance, open the archive offline: the same groups, byte for byte. */
class ArchiveRoundTripTest {
    static DemoServer demo;
    static RemoteSource live;
    static List<GroupSummary> three;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(DemoServer.Options.defaults().withLive(0, 1000));
        GlowClient client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        live = new RemoteSource(client, "demo", true, null);
        List<GroupSummary> page = live.groups(GroupsQuery.firstPage(10), Cancellation.none()).groups();
        three = List.of(page.get(0), page.get(3), page.get(7));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static List<String> ids() {
        return three.stream().map(GroupSummary::groupId).toList();
    }

    private static byte[] bytes(GroupSource s, MediaKind k, String id) throws Exception {
        try (MediaStream m = s.openUpload(k, id, null, Cancellation.none())) {
            return m.body().readAllBytes();
        }
    }

    private static void assertSameGroups(GroupSource offline) throws Exception {
        GroupsPage page = offline.groups(GroupsQuery.firstPage(10), Cancellation.none());
        assertEquals(3, page.groups().size());
        assertEquals(3L, page.totalCount());
        for (GroupSummary g : three) {
            GroupSummary o = page.groups().stream().filter(x -> x.groupId().equals(g.groupId())).findFirst()
                    .orElseThrow();
            assertEquals(g.groupName(), o.groupName());
            assertEquals(g.runCount(), o.runCount());
            assertEquals(g.messageCount(), o.messageCount());
            assertEquals(0, g.cost().compareTo(o.cost()));
            GroupDetail a = live.detail(g.groupId(), 0, 500, Cancellation.none());
            GroupDetail b = offline.detail(g.groupId(), 0, 500, Cancellation.none());
            assertEquals(a.totalMessageCount(), b.totalMessageCount());
            assertEquals(a.runs(), b.runs(), "same runs and messages");
            for (var r : a.runs()) {
                for (Message m : r.messages()) {
                    for (MediaKind k : MediaKind.values()) {
                        for (String id : m.uploadIds(k)) {
                            assertArrayEquals(bytes(live, k, id), bytes(offline, k, id), k + " " + id);
                        }
                    }
                }
            }
        }
    }

    @Test
    void roundTripThroughTheServersExport(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("three.zip");
        int[] last = new int[1];
        new ArchiveExporter(live).export(ids(), ArchiveExporter.Options.DEFAULT, zip,
                (done, total, bytes) -> last[0] = done, Cancellation.none());
        assertEquals(3, last[0]);
        try (ArchiveSource offline = ArchiveSource.open(zip)) {
            assertSameGroups(offline);
            assertEquals("three.zip", offline.title());
            assertFalse(offline.isLive());
            var r = offline.openUpload(MediaKind.TEXT, live.detail(three.get(0).groupId(), 0, 1, Cancellation.none())
                    .runs().get(0).messages().get(0).textUploadIds().get(0), ByteRange.of(2, 5), Cancellation.none());
            assertEquals(206, r.status());
            assertEquals(4, r.body().readAllBytes().length);
            r.close();
        }
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary files left");
        }
    }

    @Test
    void whenTheServerRefusesExportTheArchiveIsBuiltFromDetailAndDownloads(@TempDir Path dir) throws Exception {
        GroupSource refusing = new GroupSource() {
            public String title() {
                return "no export";
            }

            public boolean isDemo() {
                return false;
            }

            public boolean isLive() {
                return false;
            }

            public GroupsPage groups(GroupsQuery q, Cancellation c) throws GlowApiException {
                return live.groups(q, c);
            }

            public GroupIdentity resolve(String id, Cancellation c) throws GlowApiException {
                return live.resolve(id, c);
            }

            public GroupDetail detail(String id, Integer o, Integer l, Cancellation c) throws GlowApiException {
                return live.detail(id, o, l, c);
            }

            public MediaStream openUpload(MediaKind k, String id, ByteRange r, Cancellation c)
                    throws GlowApiException {
                return live.openUpload(k, id, r, c);
            }

            @Override
            public MediaStream openExport(String groupId, Cancellation c) throws GlowApiException {
                throw new GlowApiException(GlowApiException.Kind.HTTP, 403, "forbidden", "no export for you", null,
                        null, null);
            }
        };
        Path zip = dir.resolve("rebuilt.zip");
        new ArchiveExporter(refusing).export(ids(), ArchiveExporter.Options.DEFAULT, zip, (a, b, c) -> { },
                Cancellation.none());
        try (ArchiveSource offline = ArchiveSource.open(zip)) {
            assertSameGroups(offline);
        }
    }

    @Test
    void pseudonymizedArchivesNameNoOne(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("anon.zip");
        new ArchiveExporter(live).export(ids(), new ArchiveExporter.Options(false, true), zip, (a, b, c) -> { },
                Cancellation.none());
        try (ArchiveSource offline = ArchiveSource.open(zip)) {
            assertTrue(offline.manifest().pseudonymized());
            assertTrue(offline.manifest().files().isEmpty(), "no media");
            String raw = new String(Files.readAllBytes(zip), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("TA "), "no TA names left");
            assertFalse(raw.contains("Dana Reviewer"));
            GroupDetail d = offline.detail(three.get(0).groupId(), 0, 10, Cancellation.none());
            assertEquals("Actor 1", d.actorName());
            assertTrue(d.profiles().get(0).name().startsWith("Profile "));
        }
    }

    @Test
    void aCancelledExportLeavesNothing(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("cancelled.zip");
        Cancellation c = new Cancellation();
        assertThrows(Exception.class, () -> new ArchiveExporter(live).export(ids(), ArchiveExporter.Options.DEFAULT,
                zip, (done, total, bytes) -> c.cancel(), c));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing at the target, no temporary file");
        }
    }
}
