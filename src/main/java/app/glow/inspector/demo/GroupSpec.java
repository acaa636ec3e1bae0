package app.glow.inspector.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * The shape of one demo group, derived from its index: header, runs, and per-run message
 * counts. Message contents are not held here; they are derived on demand for a window.
 */
final class GroupSpec {
    enum Trait {
        /** 5,000+ messages with a long replayed context. */
        HUGE_CONVERSATION,
        /** 200+ runs. */
        MANY_RUNS,
        /** One message carries a 1 MB pasted log. */
        HUGE_TEXT,
        /** Uploaded files with hostile names. */
        HOSTILE_FILES,
        /** No runs at all. */
        NO_RUNS,
        /** Some runs have no messages (aborted calls). */
        EMPTY_RUNS,
        /** The resources omit one profile and one model. */
        UNNAMED_IDS,
        /** One run's reported cost was billed at a legacy price. */
        COST_MISMATCH,
        /** Plenty of media, to show off the inspector. */
        RICH_MEDIA,
        /** The live generator adds runs to it. */
        LIVE,
        /** The left and right groups of {@link DemoComparePair}. */
        COMPARE_LEFT,
        COMPARE_RIGHT
    }

    record RunSpec(int index, String id, Instant createdAt, long inputTokens, long cachedInputTokens,
                   long outputTokens, BigDecimal cost, DemoCatalog.DemoModel model, DemoCatalog.Persona agent,
                   DemoCatalog.Ta profile, boolean toolRun, int ownMessages, int replayed, boolean empty,
                   boolean live) {
        /** Messages in this run's list: system + replayed + own, or none. */
        int messageCount() {
            return empty ? 0 : 1 + replayed + ownMessages;
        }

        Integer previousContextStartIndex() {
            return empty || replayed == 0 ? null : 1;
        }
    }

    final int index;
    final String id;
    final String name;
    final Instant createdAt;
    final DemoCatalog.Course course;
    final DemoCatalog.Persona persona;
    final DemoCatalog.Ta ta;
    final DemoCatalog.DemoModel model;
    final DemoCatalog.DemoModel toolModel;
    final EnumSet<Trait> traits;
    final List<RunSpec> runs;
    /** ownPrefix[k]: own messages of runs before k (length runs + 1). */
    final int[] ownPrefix;
    /** messagePrefix[k]: position of run k's first message in the group sequence (length runs + 1). */
    final long[] messagePrefix;

    GroupSpec(int index, String id, String name, Instant createdAt, DemoCatalog.Course course,
              DemoCatalog.Persona persona, DemoCatalog.Ta ta, DemoCatalog.DemoModel model,
              DemoCatalog.DemoModel toolModel, EnumSet<Trait> traits, List<RunSpec> runs) {
        this.index = index;
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.course = course;
        this.persona = persona;
        this.ta = ta;
        this.model = model;
        this.toolModel = toolModel;
        this.traits = traits;
        this.runs = runs;
        this.ownPrefix = new int[runs.size() + 1];
        this.messagePrefix = new long[runs.size() + 1];
        for (int k = 0; k < runs.size(); k++) {
            RunSpec r = runs.get(k);
            ownPrefix[k + 1] = ownPrefix[k] + (r.empty() ? 0 : r.ownMessages());
            messagePrefix[k + 1] = messagePrefix[k] + r.messageCount();
        }
    }

    boolean has(Trait t) {
        return traits.contains(t);
    }

    long totalMessages() {
        return messagePrefix[runs.size()];
    }

    Instant updatedAt() {
        return runs.isEmpty() ? createdAt : runs.get(runs.size() - 1).createdAt();
    }

    /** The run holding own-message number {@code flat} (0-based over all runs' own messages). */
    int runOfOwnMessage(int flat) {
        int k = Arrays.binarySearch(ownPrefix, flat);
        if (k >= 0) {
            // several runs may share a prefix (empty runs): take the last run starting here that has messages
            while (k + 1 < ownPrefix.length && ownPrefix[k + 1] == flat) {
                k++;
            }
            return k;
        }
        return -k - 2;
    }

    /** The run holding group-sequence position {@code pos}. */
    int runAtPosition(long pos) {
        int k = Arrays.binarySearch(messagePrefix, pos);
        if (k >= 0) {
            while (k + 1 < messagePrefix.length && messagePrefix[k + 1] == pos) {
                k++;
            }
            return k;
        }
        return -k - 2;
    }
}
