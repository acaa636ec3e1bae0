package app.glow.inspector.service;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.RunWithMessages;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Detail windows of groups, shared by everything that reads them (the conversation, the tool-call
 * index, the cost view): one fetch per window while it stays cached. Bounded by weight (about one
 * unit per message and run), least recently used out first. No JavaFX.
 */
public final class WindowCache {
    /** Roughly how many messages and runs the cache holds before it drops the oldest windows. */
    public static final long DEFAULT_WEIGHT = 60_000;

    /** One window of one group of one source; {@code limit} null means "all messages". */
    public record Key(String sourceId, String groupId, int offset, Integer limit) {
        public Key {
            Objects.requireNonNull(sourceId);
            Objects.requireNonNull(groupId);
        }

        /** Whether this window asks for no messages at all (runs and totals only). */
        boolean runsOnly() {
            return limit != null && limit == 0;
        }

        /** Whether the window may have changed when the group grew past {@code knownTotal} messages. */
        boolean touchedByGrowthPast(long knownTotal) {
            // window 0 carries the runs and totals; an open-ended or partly filled window gains messages
            return offset == 0 || limit == null || (long) offset + limit > knownTotal;
        }
    }

    private final Cache<Key, GroupDetail> cache;

    public WindowCache() {
        this(DEFAULT_WEIGHT);
    }

    public WindowCache(long maxWeight) {
        this.cache = Caffeine.newBuilder().maximumWeight(maxWeight)
                .weigher((Key k, GroupDetail d) -> 1 + d.runs().size() + d.windowMessageCount())
                .build();
    }

    public GroupDetail get(Key key) {
        GroupDetail hit = cache.getIfPresent(key);
        if (hit == null && key.runsOnly()) {
            hit = runsOnlyFromAnyWindow(key);
        }
        return hit;
    }

    public void put(Key key, GroupDetail detail) {
        if (detail.groupExists()) { // a vanished group is asked again next time
            cache.put(key, detail);
        }
    }

    /**
     * A group changed (a live event saved a run): drops exactly the windows that can differ, those
     * that carry runs and totals and those not yet full at the size the cache knew. Full windows
     * before the old end keep their messages, which never change once saved.
     */
    public void groupChanged(String sourceId, String groupId) {
        long knownTotal = Long.MAX_VALUE;
        List<Key> ofGroup = new ArrayList<>();
        for (var e : cache.asMap().entrySet()) {
            Key k = e.getKey();
            if (k.sourceId().equals(sourceId) && k.groupId().equals(groupId)) {
                ofGroup.add(k);
                knownTotal = Math.min(knownTotal, e.getValue().totalMessageCount());
            }
        }
        for (Key k : ofGroup) {
            if (k.runsOnly() || k.touchedByGrowthPast(knownTotal)) {
                cache.invalidate(k);
            }
        }
    }

    /** Drops everything of one source (it was closed or reloaded from scratch). */
    public void clear(String sourceId) {
        cache.asMap().keySet().removeIf(k -> k.sourceId().equals(sourceId));
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Every window lists every run (the contract), so runs and totals need no fetch of their own. */
    private GroupDetail runsOnlyFromAnyWindow(Key key) {
        for (var e : cache.asMap().entrySet()) {
            Key k = e.getKey();
            if (k.sourceId().equals(key.sourceId()) && k.groupId().equals(key.groupId())) {
                GroupDetail d = e.getValue();
                List<RunWithMessages> runs = new ArrayList<>(d.runs().size());
                for (RunWithMessages r : d.runs()) {
                    runs.add(new RunWithMessages(r.run(), List.of(), r.previousContextStartIndex()));
                }
                return new GroupDetail(true, d.groupId(), d.groupName(), d.actorName(), d.totalMessageCount(), runs,
                        d.models(), d.agents(), d.profiles());
            }
        }
        return null;
    }
}
