package app.glow.inspector.ui.search;

import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.search.Indexer;
import app.glow.inspector.search.SearchHit;
import app.glow.inspector.search.SearchIndexes;
import app.glow.inspector.search.SearchSession;
import app.glow.inspector.ui.Workspace;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.groups.GroupRow;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;

/**
 * Search for one workspace: builds its pane and connects it to the list (selection, loaded rows),
 * the detail (open a group at a message) and live events (re-index). Closed with the workspace.
 */
public final class WorkspaceSearch implements SearchPane.Actions, AutoCloseable {
    private final Workspace ws;
    private final SearchViewModel vm;
    private final SearchPane pane;
    private final Runnable unsubscribe;
    private ListChangeListener<Object> pendingJump;

    public WorkspaceSearch(Workspace ws, SearchIndexes indexes, ZoneId zone) {
        this.ws = ws;
        this.vm = new SearchViewModel(ws.list().runner(), (progress, c) -> SearchSession.open(indexes, ws.source(),
                Indexer.DEFAULT_CONCURRENCY, progress, c), zone);
        this.pane = new SearchPane(vm, this, zone);
        this.unsubscribe = ws.live().groupSaved().subscribe(vm::groupSaved);
        vm.start();
    }

    public SearchPane pane() {
        return pane;
    }

    @Override
    public void open(SearchHit hit, String match) {
        GroupDetailViewModel detail = ws.detail();
        var items = detail.conversation().items();
        if (pendingJump != null) {
            items.removeListener(pendingJump);
            pendingJump = null;
        }
        ws.list().openById(hit.groupId(), message -> {
            if (message != null) {
                ws.list().noticeProperty().set(message);
            }
        });
        if (hit.groupId().equals(detail.groupId()) && !items.isEmpty()) {
            jump(detail, hit, match);
            return;
        }
        // the group's first window arrives later: jump once the conversation shows this group
        pendingJump = c -> {
            if (!hit.groupId().equals(detail.groupId())) {
                return;
            }
            if (!items.isEmpty()) {
                items.removeListener(pendingJump);
                pendingJump = null;
                jump(detail, hit, match);
            }
        };
        items.addListener(pendingJump);
    }

    /** Marks the matched words in the loaded text, then scrolls to the message (its window loads first). */
    private static void jump(GroupDetailViewModel detail, SearchHit hit, String match) {
        if (!match.isBlank()) {
            detail.find().find(match);
        }
        if (hit.position() >= 0) {
            detail.conversation().jumpToMessage(hit.position() + 1);
        }
    }

    @Override
    public int selectGroups(Set<String> groupIds) {
        return ws.list().selectOnly(groupIds);
    }

    @Override
    public List<GroupSummary> selectedGroups() {
        return ws.list().selection().stream().map(GroupRow::summary).toList();
    }

    @Override
    public List<GroupSummary> loadedGroups() {
        return ws.list().loadedRows().stream().map(GroupRow::summary).toList();
    }

    @Override
    public void close() {
        unsubscribe.run();
        if (pendingJump != null) {
            ws.detail().conversation().items().removeListener(pendingJump);
        }
        vm.close();
    }
}
