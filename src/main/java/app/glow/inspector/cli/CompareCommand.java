package app.glow.inspector.cli;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.archive.ArchiveSource;
import app.glow.inspector.compare.CompareHtml;
import app.glow.inspector.compare.CompareProgress;
import app.glow.inspector.compare.CompareSummary;
import app.glow.inspector.compare.Comparison;
import app.glow.inspector.compare.Delta;
import app.glow.inspector.compare.SetDiff;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glow compare A B}: two groups' summary deltas as JSON, and optionally the whole comparison as HTML. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two groups: runs, messages, tokens, exact cost, models, agents, profiles and tool",
            "calls, each with its change from A to B. Prints JSON; costs are exact decimal numbers."},
        footer = {"", "Examples:", "  glow compare 4f1c... 9a0e...",
            "  glow compare --archive-a last-week.zip 4f1c... 9a0e... --html compare.html"})
final class CompareCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(index = "0", paramLabel = "A", description = "The left group's id.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The right group's id.")
    String b;

    @Option(names = "--archive-a", paramLabel = "FILE", description = "Read A from this exported archive.")
    Path archiveA;

    @Option(names = "--archive-b", paramLabel = "FILE", description = "Read B from this exported archive.")
    Path archiveB;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the whole comparison (summary, aligned conversation, tool calls) as HTML.")
    Path html;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    CompareCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        GroupSource remote = null;
        GroupSource left = null;
        GroupSource right = null;
        try {
            if (archiveA == null || archiveB == null) {
                GlowConnection conn = connection.resolve(ctx);
                remote = new RemoteSource(new GlowClient(conn, GlowHttp.newClientFor(conn), GlowJson.newMapper(),
                        RetryPolicy.DEFAULT), conn.baseUrl().host(), false, null);
            }
            left = archiveA != null ? ArchiveSource.open(archiveA) : remote;
            right = archiveB != null ? ArchiveSource.open(archiveB) : remote;
            CompareSummary summary;
            if (html != null) {
                Comparison c = Comparison.load(left, a, right, b, CompareProgress.NONE, Cancellation.none());
                CompareHtml.write(c, html);
                summary = c.summary();
                ctx.err().printf("glow: wrote %s: %d aligned rows%n", html, c.alignment().rows().size());
            } else {
                summary = CompareSummary.compute(left, a, right, b, CompareProgress.NONE, Cancellation.none());
            }
            ObjectMapper mapper = GlowJson.newMapper();
            ObjectNode json = json(mapper, summary);
            ctx.out().println(pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json)
                    : mapper.writeValueAsString(json));
            return 0;
        } catch (Exception e) {
            return CliErrors.report(e, ctx, e instanceof UsageError ? "" : "compare failed: ");
        } finally {
            closeArchive(left, remote);
            closeArchive(right, remote);
        }
    }

    private static void closeArchive(GroupSource s, GroupSource remote) {
        if (s != null && s != remote) {
            s.close();
        }
    }

    /** The summary as JSON: figures with left, right, delta, sign and percent (null when A's is 0). */
    static ObjectNode json(ObjectMapper mapper, CompareSummary s) {
        ObjectNode root = mapper.createObjectNode();
        root.set("a", side(mapper, s.left()));
        root.set("b", side(mapper, s.right()));
        ObjectNode deltas = root.putObject("deltas");
        s.deltas().forEach((k, d) -> deltas.set(k, delta(mapper, d)));
        root.set("models", set(mapper, s.models()));
        root.set("agents", set(mapper, s.agents()));
        root.set("profiles", set(mapper, s.profiles()));
        ObjectNode calls = root.putObject("tool_calls");
        ObjectNode byTemplate = calls.putObject("by_template");
        for (Map.Entry<String, Delta> e : s.toolCalls().countsByTemplate().entrySet()) {
            byTemplate.set(e.getKey(), delta(mapper, e.getValue()));
        }
        calls.set("templates", set(mapper, s.toolCalls().templates()));
        calls.set("file_paths", set(mapper, s.toolCalls().filePaths()));
        return root;
    }

    private static ObjectNode side(ObjectMapper mapper, CompareSummary.Side side) {
        ObjectNode n = mapper.createObjectNode();
        n.put("group_id", side.groupId());
        n.put("group_name", side.groupName());
        return n;
    }

    private static ObjectNode delta(ObjectMapper mapper, Delta d) {
        ObjectNode n = mapper.createObjectNode();
        n.put("a", d.left());
        n.put("b", d.right());
        n.put("delta", d.delta());
        n.put("sign", d.sign());
        if (d.percent() == null) {
            n.putNull("percent");
        } else {
            n.put("percent", d.percent());
        }
        return n;
    }

    private static ObjectNode set(ObjectMapper mapper, SetDiff d) {
        ObjectNode n = mapper.createObjectNode();
        array(n, "only_a", d.onlyLeft());
        array(n, "only_b", d.onlyRight());
        array(n, "both", d.both());
        return n;
    }

    private static void array(ObjectNode n, String name, List<String> items) {
        var arr = n.putArray(name);
        items.forEach(arr::add);
    }
}
