package app.glow.inspector.search;

import app.glow.inspector.model.GenerationEvent;
import app.glow.inspector.source.Cancellation;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with live events: a saved generation (or a successful completion)
 * re-indexes its group, if that group is indexed at all. Several events for one group while its
 * re-index waits make one re-index.
 */
public final class LiveReindexer {
    private static final Logger log = LoggerFactory.getLogger(LiveReindexer.class);

    private final Indexer indexer;
    private final Executor executor;
    private final Cancellation cancellation;
    private final Consumer<Indexer.Outcome> done;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    /**
     * @param done told about each re-index (on the executor's thread), e.g. to refresh open results
     */
    public LiveReindexer(Indexer indexer, Executor executor, Cancellation cancellation,
                         Consumer<Indexer.Outcome> done) {
        this.indexer = indexer;
        this.executor = executor;
        this.cancellation = cancellation;
        this.done = done;
    }

    /** Feed every live event here; the ones that change a group's messages schedule its re-index. */
    public void onEvent(GenerationEvent e) {
        boolean changes = e instanceof GenerationEvent.GenerationSavedEvent
                || (e instanceof GenerationEvent.GenerationCompleteEvent c && c.success());
        if (changes && e.groupId() != null) {
            groupChanged(e.groupId());
        }
    }

    /** Schedules a re-index of the group unless one is already waiting. */
    public void groupChanged(String groupId) {
        if (!pending.add(groupId)) {
            return;
        }
        executor.execute(() -> {
            pending.remove(groupId);
            if (cancellation.isCancelled()) {
                return;
            }
            try {
                if (!indexer.index().contains(groupId)) {
                    return; // never indexed here: live events do not pull new groups in
                }
                Indexer.Outcome o = indexer.reindex(groupId, cancellation);
                if (o.status() == Indexer.Status.FAILED) {
                    log.warn("re-indexing group {} after a live event failed: {}", groupId, o.error());
                }
                done.accept(o);
            } catch (IOException | RuntimeException ex) {
                // the index stays as it was (searchable, a little behind); the next event tries again
                log.warn("re-indexing group {} after a live event failed", groupId, ex);
            }
        });
    }
}
