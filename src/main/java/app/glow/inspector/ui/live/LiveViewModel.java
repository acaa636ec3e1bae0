package app.glow.inspector.ui.live;

import app.glow.inspector.api.GenerationWatch;
import app.glow.inspector.model.GenerationEvent;
import app.glow.inspector.model.GenerationEvent.GenerationCompleteEvent;
import app.glow.inspector.model.GenerationEvent.GenerationErrorEvent;
import app.glow.inspector.model.GenerationEvent.GenerationMediaCompleteEvent;
import app.glow.inspector.model.GenerationEvent.GenerationMediaProgressEvent;
import app.glow.inspector.model.GenerationEvent.GenerationProgressEvent;
import app.glow.inspector.model.GenerationEvent.GenerationSavedEvent;
import app.glow.inspector.service.CachingGroupSource;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.groups.GroupListViewModel;
import app.glow.inspector.ui.groups.GroupRow;
import app.glow.inspector.ui.notify.NotificationCenter;
import app.glow.inspector.ui.groups.LiveProgress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Follow mode: live generation events keep the list and the open group current. Progress shows
 * on the affected rows; a saved generation refreshes its row (or adds the group at the top) and
 * the open group in place; failures become notices that name the group.
 */
public final class LiveViewModel implements AutoCloseable {
    public enum Status { OFF, CONNECTING, CONNECTED, RECONNECTING, PAUSED, FAILED }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveViewModel.class);

    private final CachingGroupSource source;
    private final BackgroundRunner runner;
    private final GroupListViewModel list;
    private final GroupDetailViewModel detail;
    private final ZoneId zone;
    private final BooleanProperty follow = new SimpleBooleanProperty();
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.OFF);
    private final StringProperty statusText = new SimpleStringProperty("");
    private final NotificationCenter notices;
    private AutoCloseable watch;
    private volatile String lastEventId;
    private boolean closed;

    private final app.glow.inspector.ui.EventStream<String> groupSaved =
            new app.glow.inspector.ui.EventStream<>();

    public LiveViewModel(CachingGroupSource source, BackgroundRunner runner, GroupListViewModel list,
                         GroupDetailViewModel detail, ZoneId zone, NotificationCenter notices) {
        this.notices = notices;
        this.source = source;
        this.runner = runner;
        this.list = list;
        this.detail = detail;
        this.zone = zone;
        follow.addListener((o, a, on) -> {
            if (on) {
                connect();
            } else {
                disconnect(Status.PAUSED, "Paused");
            }
        });
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public StringProperty statusTextProperty() {
        return statusText;
    }

    public NotificationCenter notices() {
        return notices;
    }

    public boolean isAvailable() {
        return source.isLive();
    }

    /** On by default for a live source; archives have nothing to follow. */
    public void start() {
        if (source.isLive()) {
            follow.set(true);
        } else {
            status.set(Status.OFF);
            statusText.set("Offline");
        }
    }

    private void connect() {
        if (closed || watch != null || !source.isLive()) {
            return;
        }
        set(Status.CONNECTING, "Connecting…");
        watch = source.watch(lastEventId, new GenerationWatch.Listener() {
            @Override
            public void onEvent(GenerationEvent event) {
                if (event.eventId() != null) {
                    lastEventId = event.eventId();
                }
                runner.onFx(() -> handle(event));
            }

            @Override
            public void onState(GenerationWatch.State state, String detailText, Instant nextAttempt) {
                runner.onFx(() -> state(state, detailText, nextAttempt));
            }
        });
    }

    private void state(GenerationWatch.State s, String why, Instant next) {
        if (!follow.get()) {
            return;
        }
        switch (s) {
            case CONNECTING -> set(Status.CONNECTING, "Connecting…");
            case CONNECTED -> set(Status.CONNECTED, "Live");
            case RECONNECTING -> set(Status.RECONNECTING, next == null ? "Reconnecting…"
                    : "Reconnecting at " + TIME.withZone(zone).format(next) + " (" + why + ")");
            case FAILED -> {
                set(Status.FAILED, "Live updates stopped: " + why);
                watch = null;
            }
            case CLOSED -> {
                // closed on purpose: the caller already set the status
            }
        }
    }

    private void set(Status s, String text) {
        status.set(s);
        statusText.set(text);
    }

    private void handle(GenerationEvent e) {
        String g = e.groupId();
        if (g == null) {
            return;
        }
        if (e instanceof GenerationProgressEvent p) {
            double f = p.totalResources() > 0 ? (double) p.completedResources() / p.totalResources()
                    : p.percentage() / 100;
            list.progress().put(g, new LiveProgress(f, p.completedResources() + "/" + p.totalResources() + " · "
                    + Math.round(p.percentage()) + "%"));
        } else if (e instanceof GenerationMediaProgressEvent m) {
            list.progress().put(g, new LiveProgress(m.percentage() / 100, m.mediaKind() + " " + Math.round(m.percentage())
                    + "%"));
        } else if (e instanceof GenerationMediaCompleteEvent m) {
            list.progress().put(g, new LiveProgress(1, m.mediaKind() + " ready"));
        } else if (e instanceof GenerationCompleteEvent c) {
            list.progress().remove(g);
            if (c.success()) {
                saved(g);
            } else {
                notice(g, e.runId(), "Generation failed", null);
            }
        } else if (e instanceof GenerationSavedEvent) {
            list.progress().remove(g);
            saved(g);
        } else if (e instanceof GenerationErrorEvent err) {
            list.progress().remove(g);
            notice(g, e.runId(), "Generation failed", err.message() == null ? "(no message)" : err.message());
        }
    }

    /** Groups a live event saved something in (search re-indexes them); on the FX thread. */
    public app.glow.inspector.ui.EventStream<String> groupSaved() {
        return groupSaved;
    }

    private void saved(String groupId) {
        groupSaved.emit(groupId);
        source.groupChanged(groupId); // drop exactly the windows the saved run can have changed
        list.refreshGroup(groupId);
        if (groupId.equals(detail.groupId())) {
            detail.refreshInPlace();
        }
    }

    /** One failed run gives one notice, whether the server reports it once or twice. */
    private void notice(String groupId, String runId, String what, String detail) {
        GroupRow row = list.row(groupId);
        if (row != null) {
            notices.post(groupId, runId, what + " in “" + row.summary().groupName() + "”", detail);
            return;
        }
        runner.submit(c -> source.resolve(groupId, c),
                id -> notices.post(groupId, runId,
                        what + " in “" + (id.groupExists() ? id.groupName() : groupId) + "”", detail),
                t -> notices.post(groupId, runId, what + " in group " + groupId, detail));
    }


    private void disconnect(Status s, String text) {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                // closing a stream we no longer want: nothing depends on a clean close
                log.debug("closing the live event stream failed", e);
            }
            watch = null;
        }
        list.progress().clear();
        set(s, text);
    }

    @Override
    public void close() {
        closed = true;
        disconnect(Status.OFF, "");
    }
}
