package app.glow.inspector.ui.search;

import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.search.GroupHits;
import app.glow.inspector.search.Indexer;
import app.glow.inspector.search.SearchHit;
import app.glow.inspector.search.SearchResults;
import app.glow.inspector.search.SearchSession;
import app.glow.inspector.search.SearchSyntaxException;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.Formats;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search pane's state, without a single node: the session (opened in the background; an
 * archive is indexed then), the last results grouped by group, the current hit for n/N, and
 * indexing with progress and cancel. All work runs through the {@link BackgroundRunner}; every
 * property changes on the FX thread (tests use a same-thread runner).
 */
public final class SearchViewModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchViewModel.class);
    /** Hits loaded with snippets; every further hit is still counted per group. */
    static final int MAX_HITS = 300;

    /** Opens the session of the current source (an archive is indexed here); tests inject their own. */
    @FunctionalInterface
    public interface SessionOpener {
        SearchSession open(Indexer.Listener progress, Cancellation c) throws IOException;
    }

    private final BackgroundRunner runner;
    private final SessionOpener opener;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<SearchSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SearchResults> results = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper indexing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper indexSize = new ReadOnlyStringWrapper("");
    /** Stops an archive's first indexing; the session still opens with what is done (never leaked). */
    private final Cancellation openIndexing = new Cancellation();
    private BackgroundRunner.Job openJob;
    private app.glow.inspector.search.LiveReindexer live;
    private BackgroundRunner.Job searchJob;
    private BackgroundRunner.Job indexJob;
    private String lastQuery;
    /** What indexing just did, shown before the count of the search it re-ran. */
    private String note;
    private boolean closed;

    public SearchViewModel(BackgroundRunner runner, SessionOpener opener, ZoneId zone) {
        this.runner = runner;
        this.opener = opener;
        this.zone = zone;
    }

    public ReadOnlyObjectProperty<SearchSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SearchResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** The loaded hits in display order (group by group). */
    public ObservableList<SearchHit> hits() {
        return hits;
    }

    /** Index of the current hit in {@link #hits()}, -1 for none. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A search that could not be read, or a failure, as one sentence; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty indexingProperty() {
        return indexing.getReadOnlyProperty();
    }

    /** 0..1 while indexing a known number of groups, -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How much disk this source's index takes ("Index: 12.3 MB"), empty until known. */
    public ReadOnlyStringProperty indexSizeProperty() {
        return indexSize.getReadOnlyProperty();
    }

    /** Empties this source's index (a cache: it fills again by indexing; an archive on its next open). */
    public void clearIndex() {
        SearchSession s = session.get();
        if (s == null || indexing.get()) {
            return;
        }
        runner.submitBulk(c -> {
            s.index().clear();
            return s.index().sizeBytes();
        }, bytes -> {
            results.set(null);
            hits.clear();
            current.set(-1);
            indexSize.set(sizeText(bytes));
            status.set("The index is empty now." + (s.isArchive() ? " This archive is indexed again when it is next "
                    + "opened." : ""));
        }, t -> error.set("The index could not be cleared: " + ErrorText.of(t)));
    }

    /** Measures the index on disk (a walk of its folder) off the FX thread. */
    private void measure(SearchSession s) {
        runner.submitBulk(c -> s.index().sizeBytes(), bytes -> indexSize.set(sizeText(bytes)),
                t -> log.debug("index size unknown: {}", t.toString()));
    }

    static String sizeText(long bytes) {
        return String.format(java.util.Locale.ROOT, "Index: %.1f MB", bytes / 1e6);
    }

    /** Opens the session in the background; an archive seen before opens at once. */
    public void start() {
        if (openJob != null || closed) {
            return;
        }
        status.set("Opening the search index…");
        indexing.set(true);
        openJob = runner.submitBulk(c -> opener.open(progressListener(), openIndexing), s -> {
            indexing.set(false);
            progress.set(-1);
            if (closed) {
                closeQuietly(s);
                return;
            }
            session.set(s);
            live = s.isArchive() ? null : s.liveReindexer(o -> runner.onFx(() -> {
                if (o.status() == Indexer.Status.INDEXED && lastQuery != null && !closed) {
                    search(lastQuery);
                }
            }));
            status.set(readyText(s));
            measure(s);
            if (lastQuery != null) {
                search(lastQuery);
            }
        }, t -> {
            indexing.set(false);
            progress.set(-1);
            openJob = null;
            status.set("");
            error.set("Search is not available: " + ErrorText.of(t));
        });
    }

    private String readyText(SearchSession s) {
        try {
            int groups = s.index().groupCount();
            String what = Formats.count(groups) + (groups == 1 ? " group" : " groups") + ", "
                    + Formats.count(s.index().messageCount()) + " messages indexed";
            if (s.isArchive()) {
                var r = s.archiveResult();
                return (r.reused() ? "Archive index reused: " : r.report() != null && r.report().cancelled()
                        ? "Archive partly indexed (cancelled): " : "Archive indexed: ") + what + ".";
            }
            return groups == 0 ? "Nothing indexed yet: use “Index selected groups” or “Index all loaded groups”."
                    : what + ".";
        } catch (IOException e) {
            // only the counts for the status line are missing; searching still works
            log.debug("index counts unavailable", e);
            return "Search index ready.";
        }
    }

    /** Runs a search; the previous one still running is dropped. */
    public void search(String query) {
        lastQuery = query;
        error.set("");
        SearchSession s = session.get();
        if (s == null) {
            status.set(indexing.get() ? "The index is being prepared; the search runs when it is ready." : "");
            return;
        }
        if (searchJob != null) {
            searchJob.cancel();
        }
        status.set("Searching…");
        searchJob = runner.submit(c -> s.index().search(query, MAX_HITS, zone), this::show, t -> {
            results.set(null);
            hits.clear();
            current.set(-1);
            status.set("");
            error.set(t instanceof SearchSyntaxException ? t.getMessage() : ErrorText.of(t));
        });
    }

    private void show(SearchResults r) {
        results.set(r);
        hits.setAll(r.hits());
        current.set(-1);
        String before = note == null ? "" : note + " ";
        note = null;
        if (r.totalHits() == 0) {
            status.set(before + "No message matches.");
            return;
        }
        status.set(before + Formats.count(r.totalHits()) + (r.totalHits() == 1 ? " hit" : " hits") + " in "
                + Formats.count(r.countsByGroup().size()) + (r.countsByGroup().size() == 1 ? " group" : " groups")
                + (r.truncated() ? " (the best " + Formats.count(hits.size()) + " shown)" : "") + ".");
    }

    /** A line for the status (what a button of the pane did). */
    public void statusNote(String text) {
        status.set(text);
    }

    /** Moves to the next hit (n), wrapping; null when there are none. */
    public SearchHit next() {
        return step(1);
    }

    /** Moves to the previous hit (N), wrapping. */
    public SearchHit previous() {
        return step(-1);
    }

    /** Makes {@code hit} the current one (a click in the results). */
    public void select(SearchHit hit) {
        current.set(hits.indexOf(hit));
    }

    private SearchHit step(int dir) {
        if (hits.isEmpty()) {
            return null;
        }
        int i = current.get() < 0 ? (dir > 0 ? 0 : hits.size() - 1) : Math.floorMod(current.get() + dir, hits.size());
        current.set(i);
        return hits.get(i);
    }

    /** Every group with at least one hit, also beyond the loaded hits. */
    public Set<String> groupIdsWithHits() {
        SearchResults r = results.get();
        return r == null ? Set.of() : r.countsByGroup().keySet();
    }

    /** The groups of the results, best first. */
    public List<GroupHits> groups() {
        SearchResults r = results.get();
        return r == null ? List.of() : r.groups();
    }

    /** Indexes these list rows (unchanged ones are skipped), with progress; the last search runs again. */
    public void index(List<GroupSummary> rows) {
        SearchSession s = session.get();
        if (s == null || indexing.get() || rows.isEmpty()) {
            if (rows.isEmpty()) {
                status.set("No groups to index: select some in the list first.");
            }
            return;
        }
        indexing.set(true);
        progress.set(0);
        status.set("Indexing " + Formats.count(rows.size()) + (rows.size() == 1 ? " group…" : " groups…"));
        List<GroupSummary> copy = List.copyOf(rows);
        indexJob = runner.submitBulk(c -> s.indexer().indexGroups(copy, progressListener(), c), r -> {
            indexing.set(false);
            progress.set(-1);
            indexJob = null;
            status.set(reportText(r));
            measure(s);
            if (lastQuery != null) {
                note = reportText(r); // kept in front of the new search's count
                search(lastQuery);
            }
        }, t -> {
            indexing.set(false);
            progress.set(-1);
            indexJob = null;
            status.set("");
            error.set("Indexing failed: " + ErrorText.of(t));
        });
    }

    static String reportText(Indexer.Report r) {
        StringBuilder sb = new StringBuilder(r.cancelled() ? "Indexing cancelled: " : "Indexed: ");
        sb.append(Formats.count(r.indexed())).append(" groups (").append(Formats.count(r.messages()))
                .append(" messages)");
        if (r.skipped() > 0) {
            sb.append(", ").append(Formats.count(r.skipped())).append(" unchanged");
        }
        if (r.failed() > 0) {
            sb.append(", ").append(Formats.count(r.failed())).append(" failed (").append(r.failures().get(0).error())
                    .append(")");
        }
        return sb.append('.').toString();
    }

    /** Stops indexing; what is done so far stays in the index. */
    public void cancelIndexing() {
        if (indexJob != null) {
            indexJob.cancel();
            indexJob = null;
            indexing.set(false);
            progress.set(-1);
            status.set("Indexing cancelled; the groups already done stay indexed.");
        } else if (session.get() == null && indexing.get()) {
            openIndexing.cancel(); // the session opens with the groups done; the rest next time
            status.set("Indexing cancelled; it carries on the next time this archive is opened.");
        }
    }

    /** A live event saved something in this group: it is re-indexed (if indexed) and the search runs again. */
    public void groupSaved(String groupId) {
        if (live != null) {
            live.groupChanged(groupId);
        }
    }

    private Indexer.Listener progressListener() {
        return p -> runner.onFx(() -> {
            if (!indexing.get()) {
                return;
            }
            progress.set(p.total() > 0 ? Math.min(1, p.done() / (double) p.total()) : -1);
            status.set("Indexing: " + Formats.count(p.done()) + (p.total() >= 0 ? " of " + Formats.count(p.total())
                    : "") + " groups, " + Formats.count(p.messages()) + " messages");
        });
    }

    @Override
    public void close() {
        closed = true;
        openIndexing.cancel(); // the opening job ends soon and closes what it opened
        for (BackgroundRunner.Job j : new BackgroundRunner.Job[] {searchJob, indexJob}) {
            if (j != null) {
                j.cancel();
            }
        }
        closeQuietly(session.get());
        session.set(null);
    }

    private static void closeQuietly(SearchSession s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            // closing at the end of a workspace: the index was committed after every indexing run
            log.warn("closing the search index failed", e);
        }
    }
}
