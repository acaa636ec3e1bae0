package app.glow.inspector.cli;

import app.glow.inspector.search.GroupHits;
import app.glow.inspector.search.Indexer;
import app.glow.inspector.search.SearchHit;
import app.glow.inspector.search.SearchQueryParser;
import app.glow.inspector.search.SearchResults;
import app.glow.inspector.search.SearchSyntaxException;
import app.glow.inspector.search.Snippet;
import app.glow.inspector.source.Cancellation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glow search}: full-text search over the local index; one NDJSON line per hit. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search every indexed message: words, \"phrases\", prefix*, AND/OR/NOT and filters.",
        footer = {"", "Filters: role:assistant  model:gpt-4o  template:grade_rubric  file:main.py  group:NAME-OR-ID",
            "         agent:sam  profile:jordan  run:ID  message:ID  date:2026-01-31  date:[2026-01-01 TO 2026-02-01]",
            "", "Output: one line per hit, {\"group_id\", \"group_name\", \"message_id\", \"run_id\", \"role\", \"time\",",
            "\"snippet\", \"matches\": [[start, end], ...]} (offsets into snippet); with --groups one line per group.",
            "A live instance is searched in what is indexed (glow index), after indexing --ids or --all if given.",
            "Exit code 2 for a search that cannot be read.", "", "Examples:",
            "  glow search --archive review.zip '\"base case\" role:assistant'",
            "  glow search --all 'template:grade_rubric AND date:[2026-11-01 TO *]' | jq -r .group_id | sort -u"})
final class SearchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    IndexTarget.Options options = new IndexTarget.Options();

    @Parameters(index = "0", paramLabel = "QUERY", description = "What to look for (quote it for the shell).")
    String query;

    @Option(names = "--ids", split = ",", paramLabel = "ID", description = "Index these groups first (if changed).")
    List<String> ids;

    @Option(names = "--all", description = "Index every group of the instance first (if changed).")
    boolean all;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Hits printed at most (default: ${DEFAULT-VALUE}); every hit is counted.")
    int limit;

    @Option(names = "--groups", description = "Print one line per group with hits, {\"group_id\", \"count\"}.")
    boolean groups;

    SearchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ZoneId zone = ZoneId.systemDefault();
        try {
            if (limit < 1 || limit > 100_000) {
                throw new UsageError("--limit must be between 1 and 100000");
            }
            if (options.archive != null && (ids != null || all)) {
                throw new UsageError("--ids and --all are for a live instance; an archive is indexed whole");
            }
            try {
                new SearchQueryParser(zone).parse(query); // a bad search fails before any indexing
            } catch (SearchSyntaxException e) {
                throw new UsageError(e.getMessage());
            }
            IndexProgress progress = new IndexProgress(ctx.err(), null);
            try (IndexTarget t = IndexTarget.open(options, ctx, progress)) {
                Indexer.Report r = null;
                if (all) {
                    r = t.indexer(options.concurrency).indexAll(progress, Cancellation.none());
                } else if (ids != null) {
                    r = t.indexer(options.concurrency).indexIds(ids, progress, Cancellation.none());
                }
                if (r != null && r.failed() > 0) {
                    IndexProgress.summary(ctx.err(), r);
                }
                if (t.archiveResult == null && t.index.isEmpty()) {
                    ctx.err().println("glow: nothing is indexed for this instance yet: run glow index --all (or "
                            + "--ids ID,...), or add --all or --ids to this search");
                    return 1;
                }
                SearchResults results = t.index.search(query, limit, zone);
                print(results);
                ctx.err().printf("glow: %,d hits in %,d groups%s%n", results.totalHits(),
                        results.countsByGroup().size(), results.truncated() ? " (the best " + limit + " printed)" : "");
                return 0;
            }
        } catch (SearchSyntaxException e) {
            return CliErrors.report(new UsageError(e.getMessage()), ctx, "");
        } catch (Exception e) {
            return CliErrors.report(e, ctx, "search failed: ");
        }
    }

    private void print(SearchResults results) {
        ObjectMapper json = new ObjectMapper();
        if (groups) {
            Map<String, Integer> counts = results.countsByGroup();
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(e -> {
                        ObjectNode line = json.createObjectNode();
                        line.put("group_id", e.getKey());
                        line.put("count", e.getValue());
                        ctx.out().println(line);
                    });
            return;
        }
        for (GroupHits g : results.groups()) {
            for (SearchHit h : g.hits()) {
                ObjectNode line = json.createObjectNode();
                line.put("group_id", h.groupId());
                line.put("group_name", h.groupName());
                line.put("message_id", h.messageId());
                line.put("run_id", h.runId());
                line.put("role", h.role());
                line.put("time", h.time() == null ? null : h.time().toString());
                line.put("snippet", h.snippet().text());
                ArrayNode spans = line.putArray("matches");
                for (Snippet.Span s : h.snippet().matches()) {
                    spans.addArray().add(s.start()).add(s.end());
                }
                ctx.out().println(line);
            }
        }
    }
}
