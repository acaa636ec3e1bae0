package app.glow.inspector.ui.detail;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.ui.AppState;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.detail.media.MediaController;
import app.glow.inspector.ui.groups.GroupRow;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The open group, in parts a view binds to: the header, the conversation (windows loaded as the
 * reader scrolls), find, the tool-call index, and raw JSON. It follows {@link AppState}'s open
 * group; every load runs in the open request's scope, so opening another group cancels them.
 */
public final class GroupDetailViewModel {
    public static final int WINDOW = ConversationModel.WINDOW;

    /** The first window and its raw JSON, made together off the FX thread. */
    private record FirstWindow(GroupDetail detail, String json) {
    }

    /** A newer copy of the open group: its conversation and runs. */
    private record Refreshed(Conversation conversation, List<RunWithMessages> runs, GroupDetail first) {
    }

    private final GroupSource source;
    private final AppState state;
    private final ResourceNames names;
    private final TextLoader texts;
    private final MediaController media;
    private final BackgroundRunner runner;
    private final DetailHeader header;
    private final ConversationModel conversation;
    private final FindModel find;
    private final ToolCallsModel calls;
    private final RawJsonModel json = new RawJsonModel();
    private final MessageRendering rendering;
    private final javafx.beans.property.BooleanProperty markdown = new javafx.beans.property.SimpleBooleanProperty();
    private String groupId;

    /** A view model whose text renders Markdown, with nothing remembered (tests, benchmarks). */
    public GroupDetailViewModel(GroupSource source, BackgroundRunner runner, AppState state, ResourceNames names,
                                TextLoader texts, MediaController media) {
        this(source, runner, state, names, texts, media, new MessageRendering());
    }

    public GroupDetailViewModel(GroupSource source, BackgroundRunner runner, AppState state, ResourceNames names,
                                TextLoader texts, MediaController media, MessageRendering rendering) {
        this.rendering = rendering;
        // bound, not listened to: the window-wide choice holds no strong reference to a closed workspace
        this.markdown.bind(rendering.markdownProperty());
        this.source = source;
        this.runner = runner;
        this.state = state;
        this.names = names;
        this.texts = texts;
        this.media = media;
        this.header = new DetailHeader(names);
        this.conversation = new ConversationModel(source, state::openScope, header::status);
        this.find = new FindModel(conversation, texts);
        this.calls = new ToolCallsModel(source, state::openScope);
        conversation.selectedMessageProperty().addListener((o, a, m) -> json.showMessage(m));
        state.openGroupProperty().addListener((o, a, row) -> show(row));
    }

    public DetailHeader header() {
        return header;
    }

    public ConversationModel conversation() {
        return conversation;
    }

    public FindModel find() {
        return find;
    }

    public ToolCallsModel calls() {
        return calls;
    }

    public RawJsonModel json() {
        return json;
    }

    /** Markdown or plain text, for all messages and per message; how approved links open. */
    public MessageRendering rendering() {
        return rendering;
    }

    /** Whether messages render Markdown (the window-wide choice): views redraw when it changes. */
    public javafx.beans.value.ObservableBooleanValue markdownProperty() {
        return markdown;
    }

    public ResourceNames names() {
        return names;
    }

    public MediaController media() {
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

    /** The open group's id, or null. */
    public String groupId() {
        return groupId;
    }

    private void show(GroupRow row) {
        if (row != null && row.groupId().equals(groupId) && conversation.conversation() != null) {
            header.updateTotals(row.summary()); // the same group, its row refreshed
            return;
        }
        media.disposeAll(); // players of the previous group stop here
        conversation.clear();
        find.clear();
        calls.clear();
        json.clear();
        header.clear();
        groupId = row == null ? null : row.groupId();
        if (row == null) {
            return;
        }
        header.showSummary(row.summary());
        header.status("Loading…");
        String id = groupId;
        state.openScope().submit(c -> {
            GroupDetail d = source.detail(id, 0, WINDOW, c);
            return new FirstWindow(d, json.pretty(d));
        }, r -> first(id, r), t -> header.status(ErrorText.of(t)));
    }

    private void first(String id, FirstWindow r) {
        if (!id.equals(groupId)) {
            return;
        }
        GroupDetail d = r.detail();
        if (!d.groupExists()) {
            header.status("This group no longer exists on the source.");
            return;
        }
        names.learn(d);
        header.showDetail(d);
        conversation.start(id, d);
        json.showGroup(r.json());
        header.status(conversation.loadedStatus(d));
        calls.build(id, d);
    }

    /**
     * Fetches the open group again (its changed windows were dropped from the cache) and applies
     * the difference in place: new runs join the timeline, new messages the conversation, the
     * reader's place and open folds stay.
     */
    public void refreshInPlace() {
        Conversation old = conversation.conversation();
        if (old == null) {
            return;
        }
        String id = groupId;
        Set<Integer> windows = old.loadedWindows();
        state.openScope().submit(c -> {
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
            return new Refreshed(conv, first.runs(), first);
        }, r -> {
            if (!id.equals(groupId) || conversation.conversation() == null) {
                return;
            }
            if (r == null) {
                header.status("This group no longer exists on the source; what was loaded stays shown.");
                return;
            }
            names.learn(r.first());
            conversation.replace(r.conversation(), r.runs());
            header.status(conversation.loadedStatus(r.first()) + " · updated live");
            calls.build(id, r.first());
        }, t -> header.status(ErrorText.of(t)));
    }

    /** Fetches a text's preview for a visible bubble; cancel the job when the bubble is reused. */
    public BackgroundRunner.Job text(String uploadId, Consumer<TextLoader.Preview> done, Consumer<String> failed) {
        TextLoader.Preview hit = texts.cached(uploadId);
        if (hit != null) {
            done.accept(hit);
            return null;
        }
        return state.openScope().submit(c -> texts.preview(uploadId, c), done, t -> failed.accept(ErrorText.of(t)));
    }
}
