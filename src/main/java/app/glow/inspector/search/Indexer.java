package app.glow.inspector.search;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a {@link SearchIndex} from a {@link GroupSource}: groups in parallel (at most
 * {@code concurrency} at once, on the given executor), groups already indexed and unchanged
 * skipped, progress reported as groups finish, stopped by a {@link Cancellation}. The calling
 * thread drives and waits (run it in the background); it never holds more than one page of group
 * ids and {@code concurrency} groups' windows.
 */
public final class Indexer {
    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    public static final int DEFAULT_CONCURRENCY = 4;
    static final int PAGE_SIZE = 500;
    /** Groups between commits, so an interrupted run keeps most of its work. */
    static final int COMMIT_EVERY = 500;
    private static final int MAX_FAILURES_KEPT = 50;

    public enum Status { INDEXED, SKIPPED, REMOVED, FAILED, CANCELLED }

    /** What happened to one group. {@code error} is a readable sentence, for FAILED only. */
    public record Outcome(String groupId, Status status, long messages, String error) {
    }

    /** So far: groups finished of {@code total} (-1 while unknown), and how. */
    public record Progress(int done, int total, int indexed, int skipped, int failed, long messages) {
    }

    /** Called on the indexing threads: a UI hops to its own thread. */
    public interface Listener {
        void progress(Progress p);

        default void groupDone(Outcome o) {
        }

        Listener NONE = p -> { };
    }

    public record Report(int indexed, int skipped, int removed, int failed, long messages, boolean cancelled,
                         List<Outcome> failures, long millis) {
        public Report {
            failures = List.copyOf(failures);
        }
    }

    /** A group to index: its list row's fingerprint when known (no request needed to skip it). */
    private record Target(String groupId, Fingerprint known, boolean force) {
    }

    /** The next group to index, or null at the end. */
    private interface Targets {
        Target next() throws SourceException;
    }

    private final GroupSource source;
    private final SearchIndex index;
    private final Executor executor;
    private final int concurrency;
    private final MessageReader reader;

    public Indexer(GroupSource source, SearchIndex index, Executor executor, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.source = source;
        this.index = index;
        this.executor = executor;
        this.concurrency = concurrency;
        this.reader = new MessageReader(source);
    }

    public SearchIndex index() {
        return index;
    }

    /** Indexes these groups (a selection); unchanged ones cost one detail request each. */
    public Report indexIds(Collection<String> groupIds, Listener l, Cancellation c) throws IOException {
        Iterator<String> it = List.copyOf(groupIds).iterator();
        return run(() -> it.hasNext() ? new Target(it.next(), null, false) : null, groupIds.size(), l, c);
    }

    /** Indexes these list rows; unchanged ones cost nothing. */
    public Report indexGroups(Collection<GroupSummary> groups, Listener l, Cancellation c) throws IOException {
        Iterator<GroupSummary> it = List.copyOf(groups).iterator();
        return run(() -> {
            if (!it.hasNext()) {
                return null;
            }
            GroupSummary s = it.next();
            return new Target(s.groupId(), Fingerprint.of(s), false);
        }, groups.size(), l, c);
    }

    /** Indexes every group of the source, one page of the list at a time. */
    public Report indexAll(Listener l, Cancellation c) throws IOException {
        int[] total = {-1};
        Targets pages = new Targets() {
            Iterator<GroupSummary> page = Collections.emptyIterator();
            String token;
            boolean last;

            @Override
            public Target next() throws SourceException {
                while (!page.hasNext()) {
                    if (last) {
                        return null;
                    }
                    GroupsQuery q = GroupsQuery.firstPage(PAGE_SIZE);
                    GroupsPage p = source.groups(token == null ? q : q.withPageToken(token), c);
                    if (p.totalCount() != null) {
                        total[0] = (int) Math.min(Integer.MAX_VALUE, p.totalCount());
                    }
                    page = p.groups().iterator();
                    token = p.nextPageToken();
                    last = p.isLastPage() || p.groups().isEmpty();
                }
                GroupSummary s = page.next();
                return new Target(s.groupId(), Fingerprint.of(s), false);
            }
        };
        return run(pages, () -> total[0], l, c);
    }

    /** Indexes one group again whatever its fingerprint (a live event touched it), on this thread. */
    public Outcome reindex(String groupId, Cancellation c) throws IOException {
        Outcome o = one(new Target(groupId, null, true), c);
        index.commit();
        return o;
    }

    private Report run(Targets targets, int total, Listener l, Cancellation c) throws IOException {
        return run(targets, () -> total, l, c);
    }

    private Report run(Targets targets, java.util.function.IntSupplier total, Listener l, Cancellation c)
            throws IOException {
        long t0 = System.currentTimeMillis();
        Tally tally = new Tally(l, total);
        Semaphore slots = new Semaphore(concurrency);
        boolean cancelled = false;
        int lastCommit = 0;
        try {
            Target t;
            while ((t = targets.next()) != null) {
                if (c.isCancelled()) {
                    cancelled = true;
                    break;
                }
                slots.acquireUninterruptibly();
                Target target = t;
                try {
                    executor.execute(() -> {
                        try {
                            tally.add(one(target, c));
                        } finally {
                            slots.release();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    // the pool is shutting down (the app is closing): stop like a cancel
                    slots.release();
                    log.debug("indexing stopped: the executor refused more work");
                    cancelled = true;
                    break;
                }
                if (tally.done() - lastCommit >= COMMIT_EVERY) {
                    lastCommit = tally.done();
                    index.commit();
                }
            }
        } catch (SourceException e) {
            if (!e.isCancelled()) {
                throw e;
            }
            cancelled = true;
        } finally {
            slots.acquireUninterruptibly(concurrency); // every group in flight has finished
            index.commit();
        }
        cancelled |= c.isCancelled();
        return tally.report(cancelled, System.currentTimeMillis() - t0);
    }

    /** Indexes one group; never throws: a failure is its outcome. */
    private Outcome one(Target t, Cancellation c) {
        String id = t.groupId();
        try {
            c.throwIfCancelled();
            if (!t.force() && t.known() != null && t.known().equals(index.fingerprint(id))) {
                return new Outcome(id, Status.SKIPPED, 0, null);
            }
            GroupDetail first = reader.firstWindow(id, c);
            if (!first.groupExists()) {
                index.removeGroup(id);
                return new Outcome(id, Status.REMOVED, 0, null);
            }
            Fingerprint fromDetail = Fingerprint.of(first);
            if (!t.force() && t.known() == null && fromDetail.equals(index.fingerprint(id))) {
                return new Outcome(id, Status.SKIPPED, 0, null);
            }
            SearchIndex.GroupWriter w = index.replaceGroup(id);
            try {
                reader.read(first, w::add, c);
                w.finish(first.groupName(), t.known() != null ? t.known() : fromDetail);
            } catch (IOException | RuntimeException e) {
                w.abort();
                throw e;
            }
            return new Outcome(id, Status.INDEXED, w.messages(), null);
        } catch (SourceException e) {
            return e.isCancelled() ? new Outcome(id, Status.CANCELLED, 0, null)
                    : new Outcome(id, Status.FAILED, 0, e.userMessage());
        } catch (IOException | RuntimeException e) {
            // a Lucene write failure (disk full, index closed while the app quits): reported per group
            log.warn("indexing group {} failed", id, e);
            return new Outcome(id, Status.FAILED, 0, "The index could not be written: " + e.getMessage());
        }
    }

    /** Counts outcomes as they arrive from the indexing threads and reports progress. */
    private static final class Tally {
        private final Listener listener;
        private final java.util.function.IntSupplier total;
        private final List<Outcome> failures = new ArrayList<>();
        private int done;
        private int indexed;
        private int skipped;
        private int removed;
        private int failed;
        private long messages;

        Tally(Listener listener, java.util.function.IntSupplier total) {
            this.listener = listener;
            this.total = total;
        }

        /** Listeners are called under the lock, so progress arrives in order. */
        void add(Outcome o) {
            synchronized (this) {
                switch (o.status()) {
                    case INDEXED -> indexed++;
                    case SKIPPED -> skipped++;
                    case REMOVED -> removed++;
                    case FAILED -> {
                        failed++;
                        if (failures.size() < MAX_FAILURES_KEPT) {
                            failures.add(o);
                        }
                    }
                    case CANCELLED -> {
                        return; // not done: it will be indexed next time
                    }
                }
                done++;
                messages += o.messages();
                listener.groupDone(o);
                listener.progress(new Progress(done, total.getAsInt(), indexed, skipped, failed, messages));
            }
        }

        synchronized int done() {
            return done;
        }

        synchronized Report report(boolean cancelled, long millis) {
            return new Report(indexed, skipped, removed, failed, messages, cancelled, failures, millis);
        }
    }
}
