package app.glow.inspector.ui.review;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.review.Annotation;
import app.glow.inspector.review.GroupReview;
import app.glow.inspector.review.ReviewStatus;
import app.glow.inspector.review.ReviewStore;
import app.glow.inspector.review.ReviewSummary;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.ui.AppState;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.groups.GroupRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The review of the open source: statuses and flag counts for the list, the open group's
 * annotations for its bubbles and timeline, and the commands a reviewer gives. Writes go through
 * one ordered lane to the store; the view reads only these properties.
 */
public final class ReviewViewModel {
    /** How many messages one detail call asks for when locating flagged messages. */
    static final int WINDOW = 200;

    private final GroupSource source;
    private final ReviewStore store;
    private final BackgroundRunner writes;
    private final AppState state;
    private final Supplier<Optional<String>> reviewer;
    private final Clock clock;
    private final ObservableMap<String, ReviewSummary> summaries = FXCollections.observableHashMap();
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObjectProperty<GroupReview> status = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty revision = new SimpleIntegerProperty();
    /** Positions (0-based, in the group's sequence) of the open group's annotated messages. */
    private final TreeMap<Long, String> flaggedPositions = new TreeMap<>();
    /** Ids of the open group's runs that hold an annotated message (timeline markers). */
    private final ObservableList<String> annotatedRuns = FXCollections.observableArrayList();
    private String key;
    private String groupId;

    public ReviewViewModel(GroupSource source, ReviewStore store, BackgroundRunner writes, AppState state,
                           Supplier<Optional<String>> reviewer, Clock clock) {
        this.source = source;
        this.store = store;
        this.writes = writes;
        this.state = state;
        this.reviewer = reviewer;
        this.clock = clock;
        state.openGroupProperty().addListener((o, a, row) -> open(row));
    }

    /** Loads the source's statuses and counts (the list column) and the flag categories. */
    public void start() {
        writes.submit(c -> {
            String k = source.sourceKey();
            return new Start(k, store.summaries(k), store.categories());
        }, s -> {
            key = s.key;
            summaries.putAll(s.summaries);
            categories.setAll(s.categories);
            open(state.openGroup());
        }, this::failed);
    }

    private record Start(String key, Map<String, ReviewSummary> summaries, List<String> categories) {
    }

    private record Loaded(String groupId, GroupReview status, List<Annotation> annotations, Located where) {
    }

    /** Where annotated messages sit: positions and the runs they belong to. */
    private record Located(Map<Long, String> at, java.util.Set<String> runs) {
    }

    private void open(GroupRow row) {
        String id = row == null ? null : row.groupId();
        if (id != null && id.equals(groupId) && key != null && status.get() != null) {
            return; // the same group, its row refreshed
        }
        groupId = id;
        annotations.clear();
        flaggedPositions.clear();
        annotatedRuns.clear();
        status.set(null);
        revision.set(revision.get() + 1);
        if (id == null || key == null) {
            return;
        }
        String k = key;
        state.openScope().submit(c -> {
            List<Annotation> list = store.annotations(k, id);
            return new Loaded(id, store.status(k, id), list, locate(id, list, c));
        }, this::show, this::failed);
    }

    /** Finds where the annotated messages sit, reading windows (cached) until all are found. */
    private Located locate(String id, List<Annotation> list, app.glow.inspector.source.Cancellation c)
            throws app.glow.inspector.source.SourceException {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        list.stream().filter(a -> a.messageId() != null).forEach(a -> wanted.add(a.messageId()));
        Map<Long, String> at = new HashMap<>();
        java.util.Set<String> runs = new java.util.HashSet<>();
        long pos = 0;
        for (int offset = 0; !wanted.isEmpty(); offset += WINDOW) {
            GroupDetail d = source.detail(id, offset, WINDOW, c);
            int n = 0;
            for (RunWithMessages r : d.runs()) {
                for (Message m : r.messages()) {
                    if (wanted.remove(m.id())) {
                        at.put(pos, m.id());
                        runs.add(r.run().id());
                    }
                    pos++;
                    n++;
                }
            }
            if (n == 0 || offset + WINDOW >= d.totalMessageCount()) {
                break;
            }
        }
        return new Located(at, runs);
    }

    private void show(Loaded l) {
        if (!l.groupId.equals(groupId)) {
            return;
        }
        annotations.setAll(l.annotations);
        status.set(l.status);
        flaggedPositions.clear();
        flaggedPositions.putAll(l.where.at());
        annotatedRuns.setAll(l.where.runs());
        revision.set(revision.get() + 1);
    }

    // ---- commands -------------------------------------------------------------------------

    /** Flags (category non-null) or notes a message; {@code messageId} null means the whole group. */
    public boolean annotate(String messageId, Long position, String runId, String category, String note) {
        if (groupId == null || key == null) {
            message.set("Open a group first.");
            return false;
        }
        Optional<String> who = reviewer.get();
        if (who.isEmpty()) {
            message.set("Nothing saved: a reviewer name is needed to sign annotations.");
            return false;
        }
        Annotation a = Annotation.create(key, groupId, messageId, category, note, who.get(), clock.instant());
        annotations.add(a);
        if (messageId != null && position != null) {
            flaggedPositions.put(position, messageId);
        }
        if (messageId != null && runId != null && !annotatedRuns.contains(runId)) {
            annotatedRuns.add(runId);
        }
        revision.set(revision.get() + 1);
        write(() -> store.save(a), (a.isFlag() ? "Flagged " : "Noted ") + (messageId == null ? "the group" : "message")
                + (a.isFlag() ? " as “" + a.category() + "”." : "."));
        return true;
    }

    /** Makes sure a reviewer name is known (asking once) before a dialog collects a finding. */
    public boolean ensureReviewer() {
        if (reviewer.get().isPresent()) {
            return true;
        }
        message.set("Nothing saved: a reviewer name is needed to sign annotations.");
        return false;
    }

    public void delete(Annotation a) {
        annotations.remove(a);
        if (a.messageId() != null && annotations.stream().noneMatch(x -> a.messageId().equals(x.messageId()))) {
            flaggedPositions.values().removeIf(a.messageId()::equals);
        }
        revision.set(revision.get() + 1);
        write(() -> store.delete(a), "Annotation removed.");
    }

    public void setStatus(ReviewStatus s) {
        if (groupId == null || key == null) {
            message.set("Open a group first.");
            return;
        }
        Optional<String> who = reviewer.get();
        if (who.isEmpty()) {
            message.set("Status not changed: a reviewer name is needed.");
            return;
        }
        GroupReview r = new GroupReview(key, groupId, s, who.get(), clock.instant());
        status.set(r);
        write(() -> store.setStatus(r), "Review status: " + s.label() + ".");
    }

    public void setCategories(List<String> list) {
        write(() -> store.setCategories(list), "Flag categories saved.");
        writes.submit(c -> store.categories(), categories::setAll, this::failed);
    }

    private interface StoreWrite {
        void run() throws Exception;
    }

    private void write(StoreWrite w, String done) {
        String k = key;
        String g = groupId;
        writes.submit(c -> {
            w.run();
            return store.summaries(k).getOrDefault(g, ReviewSummary.NONE);
        }, sum -> {
            summaries.put(g, sum);
            message.set(done);
        }, this::failed);
    }

    private void failed(Throwable t) {
        message.set("The review was not saved: " + ErrorText.of(t));
    }

    // ---- navigation -----------------------------------------------------------------------

    /** The next annotated message after {@code position} (wrapping), or empty when none. */
    public Optional<Long> nextFlagged(long position, boolean forward) {
        if (flaggedPositions.isEmpty()) {
            return Optional.empty();
        }
        Long p = forward ? flaggedPositions.higherKey(position) : flaggedPositions.lowerKey(position);
        if (p == null) {
            p = forward ? flaggedPositions.firstKey() : flaggedPositions.lastKey();
        }
        return Optional.of(p);
    }

    /** The first group after {@code rows[from]} (wrapping) that is unreviewed, or empty. */
    public Optional<GroupRow> nextUnreviewed(List<GroupRow> rows, int from) {
        for (int i = 1; i <= rows.size(); i++) {
            GroupRow r = rows.get(Math.floorMod(from + i, rows.size()));
            if (summary(r.groupId()).status() == ReviewStatus.UNREVIEWED) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    // ---- reading --------------------------------------------------------------------------

    public ReviewSummary summary(String group) {
        return summaries.getOrDefault(group, ReviewSummary.NONE);
    }

    public List<Annotation> forMessage(String messageId) {
        List<Annotation> out = new ArrayList<>();
        for (Annotation a : annotations) {
            if (messageId.equals(a.messageId())) {
                out.add(a);
            }
        }
        return out;
    }

    public List<Annotation> groupNotes() {
        return annotations.stream().filter(Annotation::isGroupLevel).toList();
    }

    public ObservableMap<String, ReviewSummary> summaries() {
        return summaries;
    }

    public ObservableList<Annotation> annotations() {
        return annotations;
    }

    public ObservableList<String> annotatedRuns() {
        return annotatedRuns;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ObjectProperty<GroupReview> statusProperty() {
        return status;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Bumps whenever the open group's annotations change (cells and timeline redraw). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    public String groupId() {
        return groupId;
    }

    /** The store itself, for exports and case reports (used off the FX thread). */
    public ReviewStore store() {
        return store;
    }
}
