package app.glow.inspector.ui.detail;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.EventStream;
import app.glow.inspector.ui.Formats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open group's conversation, loaded window by window as the reader scrolls: the rows (run
 * separators, messages, folds, placeholders), the runs, the selected run and message, and
 * requests to scroll. A window that failed is asked for again when it is shown again.
 */
public final class ConversationModel {
    public static final int WINDOW = 200;

    private final GroupSource source;
    private final Supplier<BackgroundRunner.Scope> scope;
    private final Consumer<String> status;
    private final ObservableList<Conversation.Item> items = FXCollections.observableArrayList();
    private final ObservableList<RunWithMessages> runs = FXCollections.observableArrayList();
    private final IntegerProperty selectedRun = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Message> selectedMessage = new SimpleObjectProperty<>();
    private final EventStream<Integer> scrollRequests = new EventStream<>();
    /** Messages that arrived live since the reader last looked at the end (the "N new" pill). */
    private final IntegerProperty newMessages = new SimpleIntegerProperty();
    /** Windows being fetched now; a window leaves this set whatever the outcome. */
    private final Set<Integer> loading = new HashSet<>();
    /** What to do once a window that is already loading arrives (a jump that met a placeholder's load). */
    private final java.util.Map<Integer, List<Runnable>> waiting = new java.util.HashMap<>();
    private Conversation conversation;
    private String groupId;

    public ConversationModel(GroupSource source, Supplier<BackgroundRunner.Scope> scope, Consumer<String> status) {
        this.source = source;
        this.scope = scope;
        this.status = status;
    }

    public ObservableList<Conversation.Item> items() {
        return items;
    }

    public ObservableList<RunWithMessages> runs() {
        return runs;
    }

    /** The selected run's index, or -1; the timeline, the list and the tree follow it. */
    public IntegerProperty selectedRunProperty() {
        return selectedRun;
    }

    public ObjectProperty<Message> selectedMessageProperty() {
        return selectedMessage;
    }

    /** Item indexes the list should scroll to, one event per request. */
    public IntegerProperty newMessagesProperty() {
        return newMessages;
    }

    /** The pill was clicked: to the first message that arrived live, and the count starts again. */
    public void showNewMessages() {
        long first = conversation == null ? 0 : conversation.total() - newMessages.get() + 1;
        newMessages.set(0);
        jumpToMessage(first);
    }

    public EventStream<Integer> scrollRequests() {
        return scrollRequests;
    }

    public Run run(int k) {
        return k >= 0 && k < runs.size() ? runs.get(k).run() : null;
    }

    /** The loaded conversation, or null before the first window arrives. */
    Conversation conversation() {
        return conversation;
    }

    void clear() {
        newMessages.set(0);
        items.clear();
        runs.clear();
        loading.clear();
        waiting.clear();
        selectedRun.set(-1);
        selectedMessage.set(null);
        conversation = null;
        groupId = null;
    }

    /** The first window of {@code id} arrived. */
    void start(String id, GroupDetail first) {
        groupId = id;
        conversation = new Conversation(first, WINDOW);
        loading.clear();
        waiting.clear();
        runs.setAll(first.runs());
        items.clear(); // another group: nothing of the last one's rows or scroll position carries over
        rebuild();
    }

    /**
     * A newer copy of the open group (a live update): its first window and the windows the reader
     * had, through the window cache. Windows that finished loading while this ran are kept, open
     * folds stay open, and the list changes only where it differs.
     */
    void replace(Conversation fresh, List<RunWithMessages> freshRuns) {
        Conversation old = conversation;
        if (fresh.total() > old.total()) {
            newMessages.set(newMessages.get() + (int) Math.min(Integer.MAX_VALUE, fresh.total() - old.total()));
        }
        fresh.copyFoldsFrom(old);
        conversation = fresh;
        loading.clear();
        waiting.clear();
        if (freshRuns.size() != runs.size() || !freshRuns.equals(runs)) {
            runs.setAll(freshRuns);
        }
        rebuild();
        for (int w : old.loadedWindows()) {
            if (!fresh.isLoaded(w)) {
                loadWindow(w); // loaded while the refresh ran: usually a cache hit
            }
        }
    }

    /** Applies the conversation's rows as a minimal change, so the list keeps its measurements and place. */
    private void rebuild() {
        List<Conversation.Item> next = conversation.items();
        int prefix = 0;
        int max = Math.min(items.size(), next.size());
        while (prefix < max && items.get(prefix).equals(next.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && items.get(items.size() - 1 - suffix).equals(next.get(next.size() - 1 - suffix))) {
            suffix++;
        }
        if (prefix == items.size() && prefix == next.size()) {
            return;
        }
        List<Conversation.Item> middle = next.subList(prefix, next.size() - suffix);
        int oldEnd = items.size() - suffix;
        if (oldEnd - prefix == middle.size()) {
            for (int i = 0; i < middle.size(); i++) {
                items.set(prefix + i, middle.get(i));
            }
        } else {
            items.remove(prefix, oldEnd);
            items.addAll(prefix, middle);
        }
    }

    /** Loads window {@code w} if it is not there yet (the list asks when a placeholder shows). */
    public void loadWindow(int w) {
        loadWindow(w, null);
    }

    private void loadWindow(int w, Runnable then) {
        if (conversation == null || w < 0 || w >= conversation.windowCount()) {
            return;
        }
        if (conversation.isLoaded(w)) {
            if (then != null) {
                then.run();
            }
            return;
        }
        if (!loading.add(w)) {
            if (then != null) {
                waiting.computeIfAbsent(w, k -> new ArrayList<>()).add(then);
            }
            return;
        }
        String id = groupId;
        Conversation conv = conversation;
        scope.get().submit(c -> source.detail(id, w * WINDOW, WINDOW, c), d -> {
            loading.remove(w);
            List<Runnable> after = waiting.remove(w);
            Runnable done = after == null ? then : () -> {
                if (then != null) {
                    then.run();
                }
                after.forEach(Runnable::run);
            };
            if (conversation == null || !id.equals(groupId)) {
                return;
            }
            if (!d.groupExists()) {
                status.accept("This group no longer exists on the source; what was loaded stays shown.");
                return;
            }
            Conversation target = conversation;
            if (target != conv && d.totalMessageCount() != target.total()) {
                loadWindow(w, done); // a live refresh replaced the conversation meanwhile: ask for the fresh window
                return;
            }
            if (!target.isLoaded(w)) {
                target.add(w, d);
                rebuild();
            }
            if (done != null) {
                done.run();
            }
        }, t -> {
            loading.remove(w); // shown again, the placeholder asks again
            waiting.remove(w);
            status.accept("Messages " + Formats.count(w * (long) WINDOW + 1) + "–"
                    + Formats.count((w + 1L) * WINDOW) + ": " + ErrorText.of(t));
        });
    }

    /** Scrolls to message number {@code n} (1-based, as shown), loading its window first. */
    public void jumpToMessage(long n) {
        if (conversation == null || conversation.total() == 0) {
            return;
        }
        long pos = Math.max(0, Math.min(conversation.total() - 1, n - 1));
        loadWindow(conversation.windowOf(pos), () -> scrollToPosition(pos));
    }

    void scrollToPosition(long pos) {
        for (int i = 0; i < items.size(); i++) {
            Conversation.Item it = items.get(i);
            if (it instanceof Conversation.MessageItem m && m.position() == pos) {
                scrollRequests.emit(i);
                return;
            }
            if (it instanceof Conversation.Fold f && !f.open()
                    && f.messages().stream().anyMatch(x -> x.position() == pos)) {
                conversation.toggleFold(f.runIndex());
                rebuild();
                scrollToPosition(pos);
                return;
            }
        }
    }

    /** Selects run {@code k}: the list scrolls to its first message, loading windows to find it. */
    public void selectRun(int k) {
        selectedRun.set(k);
        if (conversation == null || k < 0) {
            return;
        }
        locateRun(k, 0, conversation.windowCount() - 1);
    }

    /** Binary search over windows for run {@code k}'s first message, loading only the windows it probes. */
    private void locateRun(int k, int lo, int hi) {
        int header = headerIndex(k);
        if (header >= 0 && (conversation.runStart(k) != null || conversation.total() == 0
                || !(items.get(header) instanceof Conversation.RunHeader h && h.continued()))) {
            scrollRequests.emit(header);
            return;
        }
        if (lo > hi) {
            if (header >= 0) {
                scrollRequests.emit(header);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        loadWindow(mid, () -> {
            List<Conversation.MessageItem> inWindow = new ArrayList<>();
            for (Conversation.MessageItem m : conversation.loadedMessages()) {
                if (conversation.windowOf(m.position()) == mid) {
                    inWindow.add(m);
                }
            }
            if (inWindow.isEmpty()) {
                return;
            }
            int first = inWindow.get(0).runIndex();
            int last = inWindow.get(inWindow.size() - 1).runIndex();
            if (k < first || (k == first && mid > 0 && conversation.runStart(k) == null)) {
                locateRun(k, lo, mid - 1);
            } else if (k > last) {
                locateRun(k, mid + 1, hi);
            } else {
                locateRun(k, mid, mid - 1); // found in this window (or an empty run): scroll to its header
            }
        });
    }

    private int headerIndex(int k) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Conversation.RunHeader h && h.runIndex() == k) {
                return i;
            }
        }
        return -1;
    }

    public void toggleFold(int runIndex) {
        if (conversation != null) {
            conversation.toggleFold(runIndex);
            rebuild();
        }
    }

    /** Summary for the status line after the first window. */
    String loadedStatus(GroupDetail d) {
        return Formats.count(d.totalMessageCount()) + " messages in " + Formats.count(d.runs().size()) + " runs"
                + (d.totalMessageCount() > WINDOW ? "; loaded " + WINDOW + " at a time as you scroll" : "");
    }
}
