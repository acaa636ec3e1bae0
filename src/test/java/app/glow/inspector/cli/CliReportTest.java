package app.glow.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.archive.ArchiveExporter;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.Message;
import app.glow.inspector.review.Annotation;
import app.glow.inspector.review.ReviewDatabase;
import app.glow.inspector.review.SqliteReviewStore;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glow report} against the demo instance and against an archive, with the app's review database. */
class CliReportTest {
    static DemoServer server;
    static GlowClient client;
    static List<String> groups;
    static String messageId;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(DemoServer.Options.defaults().withGroups(20).withLive(0, 1000));
        client = new GlowClient(GlowConnection.of(server.url(), server.token()), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        groups = client.groups(GroupsQuery.firstPage(3), Cancellation.none()).groups().stream()
                .map(GroupSummary::groupId).toList();
        List<Message> ms = client.groupDetail(groups.get(0), 0, 10, Cancellation.none()).runs().stream()
                .flatMap(r -> r.messages().stream()).toList();
        messageId = ms.get(2).id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("GLOW_INSTANCE_URL", server.url());
        env.put("GLOW_TOKEN", server.token());
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        return env;
    }

    private static String text(Path html) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(html.toFile()).getDocumentElement().getTextContent();
    }

    private static void flag(Path db, String key, String group, String note) throws Exception {
        try (SqliteReviewStore store = SqliteReviewStore.open(db)) {
            store.save(Annotation.create(key, group, messageId, "Possible misconduct", note, "Rev Cli",
                    Instant.parse("2026-11-30T10:00:00Z")));
        }
    }

    @Test
    void reportAgainstTheInstanceUsesTheAppsReviewDatabase() throws Exception {
        Map<String, String> env = env();
        Path db = ReviewDatabase.defaultPath(env);
        assertEquals(dir.resolve("data/glow-inspector/reviews.db"), db);
        String key = new RemoteSource(client, "x", false, null).sourceKey();
        flag(db, key, groups.get(0), "<script>alert(1)</script> flagged from the app");
        Path out = dir.resolve("case.html");
        CliRun r = CliRun.run(env, "report", "--ids", groups.get(0) + "," + groups.get(1), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("2 groups, 1 annotated message"), r.err());
        String html = Files.readString(out);
        assertFalse(html.contains("<script>"), "escaped");
        String text = text(out);
        assertTrue(text.contains("<script>alert(1)</script> flagged from the app"));
        assertTrue(text.contains(key), "the instance URL");
        assertTrue(text.contains(messageId));
        assertTrue(text.contains(groups.get(1)));

        Path other = dir.resolve("other.db");
        flag(other, key, groups.get(0), "only in the other database");
        CliRun o = CliRun.run(env, "report", "--ids", groups.get(0), "--out", out.toString(), "--reviews-db",
                other.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(text(out).contains("only in the other database"));
        assertFalse(text(out).contains("flagged from the app"));
    }

    @Test
    void reportOnAnArchiveImportsItsReviewsFirst() throws Exception {
        Path zip = dir.resolve("handed-over.zip");
        Path theirs = dir.resolve("theirs.db");
        RemoteSource live = new RemoteSource(client, "demo", true, null);
        flag(theirs, live.sourceKey(), groups.get(0), "flagged by the first reviewer");
        try (SqliteReviewStore store = SqliteReviewStore.open(theirs)) {
            new ArchiveExporter(live, store, null).export(groups.subList(0, 2), new ArchiveExporter.Options(false,
                    false), zip, (a, b, c) -> { }, Cancellation.none());
        }
        Map<String, String> env = env();
        env.remove("GLOW_INSTANCE_URL");
        env.remove("GLOW_TOKEN");
        Path out = dir.resolve("from-archive.html");
        CliRun r = CliRun.run(env, "report", "--archive", zip.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("carries 1 annotation (1 new here)"), r.err());
        assertTrue(r.err().contains("2 groups"), "all the archive's groups: " + r.err());
        String text = text(out);
        assertTrue(text.contains("flagged by the first reviewer"));
        assertTrue(text.contains("handed-over.zip"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        assertTrue(text.contains(sha), "the archive's SHA-256");

        CliRun again = CliRun.run(env, "report", "--archive", zip.toString(), "--ids", groups.get(1), "--out",
                out.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.err().contains("(0 new here)"), again.err());
        assertTrue(again.err().contains("1 group, 0 annotated messages"), again.err());
        try (SqliteReviewStore store = SqliteReviewStore.open(ReviewDatabase.defaultPath(env))) {
            assertEquals(1, store.annotations("sha256:" + sha, groups.get(0)).size(), "imported once");
        }
    }

    @Test
    void badUsageAndFailuresSaySoAndWriteNothing() throws Exception {
        Path out = dir.resolve("never.html");
        CliRun none = CliRun.run(env(), "report", "--out", out.toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("--ids") && none.err().contains("--archive"), none.err());
        CliRun missing = CliRun.run(env(), "report", "--archive", dir.resolve("nope.zip").toString(), "--out",
                out.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nope.zip"), missing.err());
        assertFalse(missing.err().contains("Exception"), missing.err());
        assertFalse(Files.exists(out));
        CliRun help = CliRun.run(env(), "report", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.text().contains("--reviews-db"));
    }
}
