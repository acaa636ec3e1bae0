package app.glow.inspector.service;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A group's message sequence as far as it is loaded, window by window, and what to show for
 * it: run separators, messages, folds over replayed context, and placeholders for windows not
 * loaded yet. No JavaFX: the view model mirrors {@link #items()} into the list.
 */
public final class Conversation {
    /** One row of the conversation list. */
    public sealed interface Item {
    }

    /** The start of a run (or of its part inside a window), with the run's figures. */
    public record RunHeader(int runIndex, Run run, boolean continued, boolean noMessages) implements Item {
    }

    /** A message at {@code position} of the group's whole sequence. */
    public record MessageItem(long position, int runIndex, Message message, boolean replayed) implements Item {
    }

    /** Replayed context folded away: {@code messages} of {@code runIndex}, shown once elsewhere. */
    public record Fold(int runIndex, List<MessageItem> messages, boolean open) implements Item {
    }

    /** Window {@code window} (messages [from, to)) is not loaded yet. */
    public record Placeholder(int window, long from, long to) implements Item {
    }

    private final int windowSize;
    private final List<RunWithMessages> runs;
    private final long total;
    private final Map<String, Integer> runIndexById = new HashMap<>();
    private final TreeMap<Integer, List<MessageItem>> windows = new TreeMap<>();
    private final Map<Integer, Boolean> openFolds = new HashMap<>();
    /** Position of each run's first message, where known. */
    private final Map<Integer, Long> runStart = new HashMap<>();

    /** Starts from the first window's detail response (which lists every run). */
    public Conversation(GroupDetail first, int windowSize) {
        this.windowSize = windowSize;
        this.runs = first.runs();
        this.total = first.totalMessageCount();
        for (int i = 0; i < runs.size(); i++) {
            runIndexById.put(runs.get(i).run().id(), i);
        }
        add(0, first);
    }

    public long total() {
        return total;
    }

    public int windowSize() {
        return windowSize;
    }

    public int windowCount() {
        return (int) ((total + windowSize - 1) / windowSize);
    }

    public List<RunWithMessages> runs() {
        return runs;
    }

    public boolean isLoaded(int window) {
        return windows.containsKey(window);
    }

    public int windowOf(long position) {
        return (int) (position / windowSize);
    }

    /** Adds window {@code w} from a detail response for [w * size, (w + 1) * size). */
    public void add(int w, GroupDetail d) {
        long pos = (long) w * windowSize;
        List<MessageItem> items = new ArrayList<>();
        for (int i = 0; i < d.runs().size(); i++) {
            RunWithMessages rm = d.runs().get(i);
            Integer k = runIndexById.get(rm.run().id());
            int runIndex = k == null ? i : k;
            for (Message m : rm.messages()) {
                items.add(new MessageItem(pos++, runIndex, m, false));
            }
        }
        windows.put(w, items);
        learnRunStarts();
    }

    private void learnRunStarts() {
        MessageItem prev = null;
        long prevPos = -2;
        for (List<MessageItem> items : windows.values()) {
            for (MessageItem it : items) {
                boolean newRun = it.position() == 0
                        || (prev != null && prevPos == it.position() - 1 && prev.runIndex() != it.runIndex());
                if (newRun) {
                    runStart.putIfAbsent(it.runIndex(), it.position());
                }
                prev = it;
                prevPos = it.position();
            }
        }
    }

    /** The windows loaded so far. */
    public java.util.Set<Integer> loadedWindows() {
        return java.util.Set.copyOf(windows.keySet());
    }

    /** Keeps the reader's open folds when a newer copy of the group replaces this one. */
    public void copyFoldsFrom(Conversation older) {
        openFolds.putAll(older.openFolds);
    }

    /** Opens or closes the fold over run {@code runIndex}'s replayed context. */
    public void toggleFold(int runIndex) {
        openFolds.merge(runIndex, true, (a, b) -> !a);
    }

    /** The loaded message at a position, or null. */
    public MessageItem messageAt(long position) {
        List<MessageItem> items = windows.get(windowOf(position));
        if (items == null) {
            return null;
        }
        int i = (int) (position - (long) windowOf(position) * windowSize);
        return i < items.size() ? items.get(i) : null;
    }

    /** Where run {@code k} starts, if known from the loaded windows. */
    public Long runStart(int k) {
        return runStart.get(k);
    }

    /** Every loaded message, in order (for find and the tool-call tree). */
    public List<MessageItem> loadedMessages() {
        List<MessageItem> out = new ArrayList<>();
        windows.values().forEach(out::addAll);
        return out;
    }

    /** The rows to show: separators, messages, folds and placeholders, in sequence order. */
    public List<Item> items() {
        List<Item> out = new ArrayList<>();
        if (total == 0) {
            for (int k = 0; k < runs.size(); k++) {
                out.add(new RunHeader(k, runs.get(k).run(), false, true));
            }
            return out;
        }
        Set<String> seenIds = new HashSet<>();
        int lastRun = -1;
        long expected = 0;
        for (int w = 0; w < windowCount(); w++) {
            List<MessageItem> items = windows.get(w);
            long from = (long) w * windowSize;
            if (items == null) {
                out.add(new Placeholder(w, from, Math.min(total, from + windowSize)));
                lastRun = -1;
                expected = Math.min(total, from + windowSize);
                continue;
            }
            int i = 0;
            while (i < items.size()) {
                MessageItem it = items.get(i);
                int k = it.runIndex();
                if (k != lastRun) {
                    // runs with no messages that sit between the previous run and this one
                    if (lastRun >= 0 || from == 0) {
                        for (int e = Math.max(lastRun + 1, 0); e < k; e++) {
                            out.add(new RunHeader(e, runs.get(e).run(), false, true));
                        }
                    }
                    boolean continued = it.position() != 0 && lastRun == -1 && expected == it.position()
                            && !Long.valueOf(it.position()).equals(runStart.get(k));
                    out.add(new RunHeader(k, runs.get(k).run(), continued, false));
                    lastRun = k;
                }
                // a block of replayed context: consecutive messages of run k from its replay start
                List<MessageItem> block = new ArrayList<>();
                while (i < items.size() && items.get(i).runIndex() == k && isReplayed(items.get(i), seenIds)) {
                    MessageItem r = items.get(i);
                    block.add(new MessageItem(r.position(), k, r.message(), true));
                    i++;
                }
                if (!block.isEmpty()) {
                    boolean open = openFolds.getOrDefault(k, false);
                    out.add(new Fold(k, List.copyOf(block), open));
                    if (open) {
                        out.addAll(block);
                    }
                    continue;
                }
                seenIds.add(it.message().id());
                out.add(it);
                i++;
            }
            expected = from + items.size();
        }
        if (lastRun >= 0) {
            for (int e = lastRun + 1; e < runs.size(); e++) {
                out.add(new RunHeader(e, runs.get(e).run(), false, true));
            }
        }
        return out;
    }

    /**
     * Replayed context: in a run that declares {@code previous_context_start_index}, at or after
     * that index (translated to the whole sequence when the run's start is known), a message whose
     * id was already shown in an earlier run.
     */
    private boolean isReplayed(MessageItem it, Set<String> seenIds) {
        Integer idx = runs.get(it.runIndex()).previousContextStartIndex();
        if (idx == null || !seenIds.contains(it.message().id())) {
            return false;
        }
        Long start = runStart.get(it.runIndex());
        return start == null || it.position() - start >= idx;
    }
}
