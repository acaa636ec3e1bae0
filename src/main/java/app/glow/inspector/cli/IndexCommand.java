package app.glow.inspector.cli;

import app.glow.inspector.search.Indexer;
import app.glow.inspector.source.Cancellation;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glow index}: fills the local search index; one NDJSON line per group. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index groups for full-text search (kept in the cache folder; unchanged groups are skipped).",
        footer = {"", "Output: one line per group, {\"group_id\", \"status\", \"messages\"[, \"error\"]};",
            "progress and a summary on stderr. Exit code 1 when a group failed.", "", "Examples:",
            "  glow index --archive review.zip", "  glow index --ids 4f1c...,9a0e...", "  glow index --all"})
final class IndexCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    IndexTarget.Options options = new IndexTarget.Options();

    @Option(names = "--ids", split = ",", paramLabel = "ID", description = "These groups of the instance.")
    List<String> ids;

    @Option(names = "--all", description = "Every group of the instance, page by page.")
    boolean all;

    IndexCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try {
            int chosen = (options.archive != null ? 1 : 0) + (ids != null ? 1 : 0) + (all ? 1 : 0);
            if (chosen != 1) {
                throw new UsageError("say what to index: --archive FILE, --ids ID,... or --all (one of them)");
            }
            IndexProgress progress = new IndexProgress(ctx.err(), ctx.out());
            try (IndexTarget t = IndexTarget.open(options, ctx, progress)) {
                Indexer.Report r;
                if (t.archiveResult != null) {
                    if (t.archiveResult.reused()) {
                        ctx.err().printf("glow: this archive is already indexed (%,d groups, %,d messages)%n",
                                t.index.groupCount(), t.index.messageCount());
                        return 0;
                    }
                    r = t.archiveResult.report();
                } else if (all) {
                    r = t.indexer(options.concurrency).indexAll(progress, Cancellation.none());
                } else {
                    r = t.indexer(options.concurrency).indexIds(ids, progress, Cancellation.none());
                }
                IndexProgress.summary(ctx.err(), r);
                return r.failed() > 0 ? 1 : 0;
            }
        } catch (Exception e) {
            return CliErrors.report(e, ctx, "indexing failed: ");
        }
    }
}
