package app.glow.inspector.cli;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.archive.ArchiveSource;
import app.glow.inspector.review.CaseReport;
import app.glow.inspector.review.ReviewDatabase;
import app.glow.inspector.review.ReviewImport;
import app.glow.inspector.review.SqliteReviewStore;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glow report}: the app's case report (File → Case report…) from the command line. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a case report: one self-contained HTML file with the groups' cost and tokens,",
            "review status, notes, and every flagged message in context (printable to PDF from a browser)."},
        footer = {"", "Examples:", "  glow report --ids 4f1c...,9a0e... --out case.html",
            "  glow report --archive review.zip --out case.html",
            "", "Reviews come from the app's review database ($XDG_DATA_HOME/glow-inspector/reviews.db or",
            "~/.local/share/glow-inspector/reviews.db). An archive's own reviews are imported into it first."})
final class ReportCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--ids", split = ",", paramLabel = "ID",
            description = "Group ids, comma-separated (with --archive: default all of its groups).")
    List<String> ids;

    @Option(names = "--archive", paramLabel = "FILE", description = "Report on an exported archive instead of an instance.")
    Path archive;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file (complete or not at all).")
    Path out;

    @Option(names = "--reviews-db", paramLabel = "FILE", description = "The review database (default: the app's).")
    Path reviewsDb;

    ReportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try {
            if (archive == null && (ids == null || ids.isEmpty())) {
                throw new UsageError("name the groups with --ids, or report on an archive with --archive FILE");
            }
            Path db = reviewsDb != null ? reviewsDb : ReviewDatabase.defaultPath(ctx.env());
            try (SqliteReviewStore store = SqliteReviewStore.open(db)) {
                if (archive != null) {
                    try (ArchiveSource a = ArchiveSource.open(archive)) {
                        ReviewImport.Result imported = ReviewImport.importFrom(a, store);
                        if (imported.carried() > 0) {
                            ctx.err().printf("glow: the archive carries %d annotation%s (%d new here)%n",
                                    imported.carried(), imported.carried() == 1 ? "" : "s", imported.added());
                        }
                        List<String> chosen = ids == null || ids.isEmpty() ? a.manifest().groups() : ids;
                        return write(a, store, chosen);
                    }
                }
                GlowConnection conn = connection.resolve(ctx);
                GlowClient client = new GlowClient(conn, GlowHttp.newClientFor(conn), GlowJson.newMapper(),
                        RetryPolicy.DEFAULT);
                return write(new RemoteSource(client, conn.baseUrl().host(), false, null), store, ids);
            }
        } catch (Exception e) {
            return CliErrors.report(e, ctx, e instanceof UsageError ? "" : "report failed, nothing was written: ");
        }
    }

    private int write(GroupSource source, SqliteReviewStore store, List<String> groups) throws Exception {
        for (String id : groups) {
            if (!source.resolve(id, Cancellation.none()).groupExists()) {
                ctx.err().println("glow: group " + id + " was not found; the report says so and shows its reviews");
            }
        }
        CaseReport.Result r = new CaseReport(source, store, ZoneId.systemDefault(), Clock.systemUTC())
                .write(groups, out, Cancellation.none());
        ctx.err().printf("glow: wrote %s: %d group%s, %d annotated message%s, %d image%s%n", out, r.groups(),
                r.groups() == 1 ? "" : "s", r.annotatedMessages(), r.annotatedMessages() == 1 ? "" : "s", r.images(),
                r.images() == 1 ? "" : "s");
        return 0;
    }
}
