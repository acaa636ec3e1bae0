package app.glow.inspector.cli;

import app.glow.inspector.search.Indexer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/**
 * Prints indexing as it goes: a progress line on standard error at most once a second, and, when
 * asked, one NDJSON line per group on standard output.
 */
final class IndexProgress implements Indexer.Listener {
    private final PrintStream err;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();
    private long lastPrint;

    /** @param out null to print no per-group lines */
    IndexProgress(PrintStream err, PrintStream out) {
        this.err = err;
        this.out = out;
    }

    @Override
    public void progress(Indexer.Progress p) {
        long now = System.currentTimeMillis();
        if (now - lastPrint >= 1000) {
            lastPrint = now;
            err.printf("glow: indexing: %,d%s groups done (%,d indexed, %,d unchanged, %,d failed), %,d messages%n",
                    p.done(), p.total() >= 0 ? String.format(" of %,d", p.total()) : "", p.indexed(), p.skipped(),
                    p.failed(), p.messages());
        }
    }

    @Override
    public void groupDone(Indexer.Outcome o) {
        if (out == null) {
            return;
        }
        ObjectNode line = json.createObjectNode();
        line.put("group_id", o.groupId());
        line.put("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
        line.put("messages", o.messages());
        if (o.error() != null) {
            line.put("error", o.error());
        }
        out.println(line);
    }

    static void summary(PrintStream err, Indexer.Report r) {
        err.printf("glow: %s%,d groups indexed, %,d unchanged, %,d removed, %,d failed; %,d messages in %.1f s%n",
                r.cancelled() ? "cancelled: " : "", r.indexed(), r.skipped(), r.removed(), r.failed(), r.messages(),
                r.millis() / 1000.0);
        for (Indexer.Outcome f : r.failures()) {
            err.println("glow: group " + f.groupId() + ": " + f.error());
        }
    }
}
