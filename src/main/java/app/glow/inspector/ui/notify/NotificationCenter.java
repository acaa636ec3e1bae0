package app.glow.inspector.ui.notify;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notices of one workspace: the most recent first, bounded, with an unread count for the
 * bell and the latest one for the bar that overlays (never shifts) the window. One event gives
 * one notice: a second report about the same run completes the first instead of adding another.
 * Used on the FX thread only.
 */
public final class NotificationCenter {
    static final int KEPT = 200;

    private final Clock clock;
    private final AtomicLong seq = new AtomicLong();
    private final ObservableList<Notice> recent = FXCollections.observableArrayList();
    private final ObservableList<Notice> readOnly = FXCollections.unmodifiableObservableList(recent);
    private final IntegerProperty unread = new SimpleIntegerProperty();
    private final ObjectProperty<Notice> latest = new SimpleObjectProperty<>();

    public NotificationCenter(Clock clock) {
        this.clock = clock;
    }

    public NotificationCenter() {
        this(Clock.systemUTC());
    }

    /** Newest first; at most {@value #KEPT}. */
    public ObservableList<Notice> recent() {
        return readOnly;
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread;
    }

    /** The notice to show in the bar now; null when there is none (or it was dismissed). */
    public ReadOnlyObjectProperty<Notice> latestProperty() {
        return latest;
    }

    /** Adds a notice, or completes the one already given for the same run. */
    public Notice post(String groupId, String runId, String title, String detail) {
        for (int i = 0; i < recent.size(); i++) {
            Notice old = recent.get(i);
            if (old.sameEvent(groupId, runId)) {
                Notice merged = new Notice(old.seq(), old.time(), groupId, runId,
                        detail != null && old.detail() == null ? title : old.title(),
                        old.detail() != null ? old.detail() : detail);
                recent.set(i, merged);
                if (latest.get() != null && latest.get().seq() == old.seq()) {
                    latest.set(merged);
                }
                return merged;
            }
        }
        Notice n = new Notice(seq.incrementAndGet(), clock.instant(), groupId, runId, title, detail);
        recent.add(0, n);
        if (recent.size() > KEPT) {
            recent.remove(KEPT, recent.size());
        }
        unread.set(unread.get() + 1);
        latest.set(n);
        return n;
    }

    /** The list was opened: everything in it has been seen. */
    public void markAllRead() {
        unread.set(0);
    }

    /** The bar was closed; the notice stays in the list. */
    public void dismissLatest() {
        latest.set(null);
    }

    public void clear() {
        recent.clear();
        unread.set(0);
        latest.set(null);
    }
}
