package app.glow.inspector.ui.detail;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.model.ToolCall;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.Formats;
import app.glow.inspector.ui.groups.GroupRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open group: header, runs (for the timeline and separators), the conversation loaded
 * window by window as the user scrolls, replay folds, find, the tool-call index, and raw JSON. A
 * new group cancels everything the previous one had in flight.
 */
public final class GroupDetailViewModel {
    public static final int WINDOW = 200;

    private final GroupSource source;
    private final BackgroundRunner runner;
    private final ResourceNames names;
    private final TextLoader texts;
    private final app.glow.inspector.ui.detail.media.MediaController media;
    private final app.glow.inspector.service.RawJson json = new app.glow.inspector.service.RawJson();

    private final StringProperty title = new SimpleStringProperty("Select a group");
    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty totals = new SimpleStringProperty("");
    private final StringProperty involved = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty groupJson = new SimpleStringProperty("");
    private final StringProperty messageJson = new SimpleStringProperty("");
    private final ObservableList<Conversation.Item> items = FXCollections.observableArrayList();
    private final ObservableList<RunWithMessages> runs = FXCollections.observableArrayList();
    private final ObservableList<CallEntry> calls = FXCollections.observableArrayList();
    private final IntegerProperty selectedRun = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Integer> scrollRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<Message> selectedMessage = new SimpleObjectProperty<>();
    private final StringProperty findStatus = new SimpleStringProperty("");
    private final ObjectProperty<Long> currentMatch = new SimpleObjectProperty<>();
    private final Set<Long> matches = new LinkedHashSet<>();
    private final IntegerProperty repaint = new SimpleIntegerProperty();

    private final List<BackgroundRunner.Job> jobs = new ArrayList<>();
    private final Map<Integer, BackgroundRunner.Job> windowJobs = new HashMap<>();
    private Conversation conversation;
    private String groupId;
    private String findQuery = "";

    public GroupDetailViewModel(GroupSource source, BackgroundRunner runner, ResourceNames names, TextLoader texts,
                                app.glow.inspector.ui.detail.media.MediaController media) {
        this.source = source;
        this.runner = runner;
        this.names = names;
        this.texts = texts;
        this.media = media;
        selectedMessage.addListener((o, a, m) -> messageJson.set(m == null ? "" : pretty(m)));
    }

    // ---- Properties ----------------------------------------------------------------------------

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty actorProperty() {
        return actor;
    }

    public StringProperty totalsProperty() {
        return totals;
    }

    public StringProperty involvedProperty() {
        return involved;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty groupJsonProperty() {
        return groupJson;
    }

    public StringProperty messageJsonProperty() {
        return messageJson;
    }

    public ObservableList<Conversation.Item> items() {
        return items;
    }

    public ObservableList<RunWithMessages> runs() {
        return runs;
    }

    public ObservableList<CallEntry> calls() {
        return calls;
    }

    /** The selected run's index, or -1; the timeline, the list and the tree follow it. */
    public IntegerProperty selectedRunProperty() {
        return selectedRun;
    }

    /** An item index the list should scroll to (set, then consumed by the view). */
    public ObjectProperty<Integer> scrollRequestProperty() {
        return scrollRequest;
    }

    public ObjectProperty<Message> selectedMessageProperty() {
        return selectedMessage;
    }

    public StringProperty findStatusProperty() {
        return findStatus;
    }

    /** The position of the current find match, or null. */
    public ObjectProperty<Long> currentMatchProperty() {
        return currentMatch;
    }

    /** Bumped when rows must be redrawn although the items did not change (find highlights). */
    public IntegerProperty repaintProperty() {
        return repaint;
    }

    public boolean isMatch(long position) {
        return matches.contains(position);
    }

    public String findQuery() {
        return findQuery;
    }

    public ResourceNames names() {
        return names;
    }

    public String groupId() {
        return groupId;
    }

    // ---- Opening -------------------------------------------------------------------------------

    public void show(GroupRow row) {
        if (row != null && conversation != null && row.groupId().equals(groupId)) {
            updateTotals(row.summary());
            refreshInPlace();
            return;
        }
        cancelAll();
        media.disposeAll(); // players of the previous group stop here
        items.clear();
        runs.clear();
        calls.clear();
        matches.clear();
        currentMatch.set(null);
        findStatus.set("");
        selectedRun.set(-1);
        selectedMessage.set(null);
        conversation = null;
        groupJson.set("");
        if (row == null) {
            groupId = null;
            title.set("Select a group");
            actor.set("");
            totals.set("");
            involved.set("");
            status.set("");
            return;
        }
        groupId = row.groupId();
        GroupSummary s = row.summary();
        title.set(s.groupName());
        actor.set("");
        updateTotals(s);
        involved.set(involvedText(s.modelIds(), s.agentIds(), s.profileIds()));
        status.set("Loading…");
        String id = groupId;
        // The raw JSON is made in the background too: for hundreds of runs it is not free.
        jobs.add(runner.submit(c -> {
            GroupDetail d = source.detail(id, 0, WINDOW, c);
            return new Object[] {d, pretty(d)};
        }, r -> first(id, (GroupDetail) r[0], (String) r[1]), t -> status.set(ErrorText.of(t))));
    }

    private void updateTotals(GroupSummary s) {
        totals.set(Formats.count(s.runCount()) + " runs · " + Formats.count(s.messageCount()) + " messages · "
                + Formats.count(s.inputTokens()) + " input, " + Formats.count(s.cachedInputTokens()) + " cached, "
                + Formats.count(s.outputTokens()) + " output tokens · " + Money.exact(s.cost()));
    }

    /**
     * Fetches the open group again and applies the difference in place: new runs join the
     * timeline, new messages join the conversation, the reader's place and open folds stay.
     */
    public void refreshInPlace() {
        if (conversation == null) {
            return;
        }
        String id = groupId;
        Conversation old = conversation;
        java.util.Set<Integer> windows = old.loadedWindows();
        jobs.add(runner.submit(c -> {
            GroupDetail first = source.detail(id, 0, WINDOW, c);
            if (!first.groupExists()) {
                return null;
            }
            Conversation conv = new Conversation(first, WINDOW);
            for (int w : windows) {
                if (w > 0 && w < conv.windowCount()) {
                    conv.add(w, source.detail(id, w * WINDOW, WINDOW, c));
                }
            }
            return new Object[] {conv, first};
        }, r -> {
            if (!id.equals(groupId) || conversation != old) {
                return;
            }
            if (r == null) {
                status.set("This group no longer exists on the server; what was loaded stays shown.");
                return;
            }
            Conversation conv = (Conversation) r[0];
            GroupDetail first = (GroupDetail) r[1];
            conv.copyFoldsFrom(old);
            conversation = conv;
            names.learn(first);
            if (first.runs().size() != runs.size()) {
                runs.setAll(first.runs());
            }
            rebuild();
            status.set(Formats.count(first.totalMessageCount()) + " messages in " + Formats.count(first.runs().size())
                    + " runs · updated live");
        }, t -> status.set(ErrorText.of(t))));
    }

    private String involvedText(List<String> m, List<String> a, List<String> p) {
        return "Models: " + orNone(names.models(m)) + "\nAgents: " + orNone(names.agents(a)) + "\nProfiles: "
                + orNone(names.profiles(p));
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "none" : s;
    }

    private void first(String id, GroupDetail d, String rawJson) {
        if (!id.equals(groupId)) {
            return;
        }
        if (!d.groupExists()) {
            status.set("This group no longer exists on the server.");
            return;
        }
        names.learn(d);
        actor.set(d.actorName() == null ? "" : "Actor: " + d.actorName());
        conversation = new Conversation(d, WINDOW);
        runs.setAll(d.runs());
        Set<String> m = new LinkedHashSet<>();
        Set<String> a = new LinkedHashSet<>();
        Set<String> p = new LinkedHashSet<>();
        for (RunWithMessages rm : d.runs()) {
            app.glow.inspector.service.Summaries.addIfPresent(m, rm.run().modelId());
            app.glow.inspector.service.Summaries.addIfPresent(a, rm.run().agentId());
            app.glow.inspector.service.Summaries.addIfPresent(p, rm.run().profileId());
        }
        involved.set(involvedText(List.copyOf(m), List.copyOf(a), List.copyOf(p)));
        groupJson.set(rawJson);
        rebuild();
        status.set(Formats.count(d.totalMessageCount()) + " messages in " + Formats.count(d.runs().size())
                + " runs" + (d.totalMessageCount() > WINDOW ? "; loaded " + WINDOW + " at a time as you scroll" : ""));
        indexCalls(id, d);
    }

    /** Applies the conversation's rows as a minimal change (only the part that differs), so the
     * list keeps what it has measured and the reader's place. */
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
        if (windowJobs.containsKey(w)) {
            return;
        }
        String id = groupId;
        Conversation conv = conversation;
        windowJobs.put(w, runner.submit(c -> source.detail(id, w * WINDOW, WINDOW, c), d -> {
            windowJobs.remove(w);
            if (conv != conversation) {
                return;
            }
            if (!d.groupExists()) {
                status.set("This group no longer exists on the server; what was loaded stays shown.");
                return;
            }
            conv.add(w, d);
            rebuild();
            if (then != null) {
                then.run();
            }
        }, t -> {
            windowJobs.remove(w);
            status.set("Messages " + (w * WINDOW + 1) + "–" + ((w + 1) * WINDOW) + ": " + ErrorText.of(t));
        }));
    }

    /** Scrolls to message number {@code n} (1-based, as shown), loading its window first. */
    public void jumpToMessage(long n) {
        if (conversation == null || conversation.total() == 0) {
            return;
        }
        long pos = Math.max(0, Math.min(conversation.total() - 1, n - 1));
        loadWindow(conversation.windowOf(pos), () -> scrollToPosition(pos));
    }

    private void scrollToPosition(long pos) {
        for (int i = 0; i < items.size(); i++) {
            Conversation.Item it = items.get(i);
            if (it instanceof Conversation.MessageItem m && m.position() == pos) {
                scrollRequest.set(null);
                scrollRequest.set(i);
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

    private void locateRun(int k, int lo, int hi) {
        int header = headerIndex(k);
        if (header >= 0 && (conversation.runStart(k) != null || conversation.total() == 0
                || !(items.get(header) instanceof Conversation.RunHeader h && h.continued()))) {
            scrollRequest.set(null);
            scrollRequest.set(header);
            return;
        }
        if (lo > hi) {
            if (header >= 0) {
                scrollRequest.set(null);
                scrollRequest.set(header);
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
                locateRun(k, mid, mid - 1); // found in this window (or empty run): scroll to its header
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

    // ---- Text ------------------------------------------------------------------------------------

    /** Fetches a text's preview for a visible bubble; cancel the job when the bubble is reused. */
    public BackgroundRunner.Job text(String uploadId, Consumer<TextLoader.Preview> done, Consumer<String> failed) {
        TextLoader.Preview hit = texts.cached(uploadId);
        if (hit != null) {
            done.accept(hit);
            return null;
        }
        return runner.submit(c -> texts.preview(uploadId, c), done, t -> failed.accept(ErrorText.of(t)));
    }

    public app.glow.inspector.ui.detail.media.MediaController media() {
        return media;
    }

    public TextLoader texts() {
        return texts;
    }

    public GroupSource source() {
        return source;
    }

    public BackgroundRunner runner() {
        return runner;
    }

    // ---- Find ------------------------------------------------------------------------------------

    /** Searches the loaded text (what has been fetched so far) and moves to the first match. */
    public void find(String query) {
        findQuery = query == null ? "" : query.strip();
        matches.clear();
        currentMatch.set(null);
        if (findQuery.isEmpty() || conversation == null) {
            findStatus.set("");
            repaint.set(repaint.get() + 1);
            return;
        }
        String needle = findQuery.toLowerCase(Locale.ROOT);
        for (Conversation.MessageItem m : conversation.loadedMessages()) {
            for (String t : m.message().textUploadIds()) {
                TextLoader.Preview p = texts.cached(t);
                if (p != null && p.text().toLowerCase(Locale.ROOT).contains(needle)) {
                    matches.add(m.position());
                    break;
                }
            }
        }
        repaint.set(repaint.get() + 1);
        if (matches.isEmpty()) {
            findStatus.set("No match in the loaded text");
            return;
        }
        step(0);
    }

    public void findNext() {
        step(1);
    }

    public void findPrevious() {
        step(-1);
    }

    private void step(int dir) {
        if (matches.isEmpty()) {
            return;
        }
        List<Long> list = new ArrayList<>(matches);
        Long cur = currentMatch.get();
        int i = cur == null ? 0 : Math.floorMod(list.indexOf(cur) + dir, list.size());
        currentMatch.set(list.get(i));
        findStatus.set((i + 1) + " of " + list.size() + " (in loaded text)");
        repaint.set(repaint.get() + 1);
        scrollToPosition(list.get(i));
    }

    // ---- Tool calls --------------------------------------------------------------------------------

    /** Builds the tool-call index in the background, one window at a time, keeping only calls. */
    private void indexCalls(String id, GroupDetail first) {
        long total = first.totalMessageCount();
        jobs.add(runner.submit(c -> {
            List<CallEntry> out = new ArrayList<>();
            collect(first, 0, out);
            for (long off = WINDOW; off < total; off += WINDOW) {
                collect(source.detail(id, (int) off, WINDOW, c), off, out);
            }
            return out;
        }, list -> {
            if (id.equals(groupId)) {
                calls.setAll(list);
            }
        }, t -> {
            // the tree stays empty; the list's own status reports connection trouble
        }));
    }

    private static void collect(GroupDetail d, long offset, List<CallEntry> out) {
        long pos = offset;
        for (int k = 0; k < d.runs().size(); k++) {
            for (Message m : d.runs().get(k).messages()) {
                for (ToolCall call : m.calls()) {
                    out.add(new CallEntry(k, pos, m.id(), m.role(), call));
                }
                pos++;
            }
        }
    }

    // ---- Raw JSON ------------------------------------------------------------------------------------

    String pretty(Object value) {
        return json.pretty(value);
    }

    public Run run(int k) {
        return k >= 0 && k < runs.size() ? runs.get(k).run() : null;
    }

    private void cancelAll() {
        jobs.forEach(BackgroundRunner.Job::cancel);
        jobs.clear();
        windowJobs.values().forEach(BackgroundRunner.Job::cancel);
        windowJobs.clear();
    }


}
