package app.glow.inspector.ui.compare;

import app.glow.inspector.ui.DialogService;
import app.glow.inspector.ui.Workspace;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/** View → Compare selected groups (Ctrl+D): exactly two groups of the list, side by side. */
public final class CompareAction {
    private CompareAction() {
    }

    public static MenuItem menuItem(Supplier<Workspace> workspace, Supplier<Window> owner,
                                    Supplier<DialogService> dialogs) {
        MenuItem i = new MenuItem("Compare selected groups");
        i.setId("compareMenu");
        i.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        i.setOnAction(e -> start(workspace.get(), owner.get(), dialogs.get()));
        return i;
    }

    /** View → Compare with a group in an archive…: the selected group against one from a ZIP. */
    public static MenuItem archiveMenuItem(Supplier<Workspace> workspace, Supplier<Window> owner,
                                           Supplier<DialogService> dialogs,
                                           app.glow.inspector.ui.WorkspaceSwitcher archives) {
        MenuItem i = new MenuItem("Compare with a group in an archive…");
        i.setId("compareArchiveMenu");
        i.setOnAction(e -> startWithArchive(workspace.get(), owner.get(), dialogs.get(), archives));
        return i;
    }

    /** An archive opened for comparing, with its group ids. */
    private record Opened(app.glow.inspector.service.GroupSource source, java.util.List<String> ids) {
    }

    static void startWithArchive(Workspace ws, Window owner, DialogService dialogs,
                                 app.glow.inspector.ui.WorkspaceSwitcher archives) {
        var selected = ws.list().selection();
        if (selected.size() != 1) {
            dialogs.showWarning("Select one group", "Select the group to put against the archive's group.");
            return;
        }
        String liveId = selected.get(0).groupId();
        dialogs.chooseFileToOpen("Compare with a group in an archive",
                new DialogService.FileType("Glow export (ZIP)", "*.zip")).ifPresent(file -> ws.list().runner().submit(
                        c -> {
                            var source = archives.openArchiveSource(file, c);
                            var page = source.groups(app.glow.inspector.model.GroupsQuery.firstPage(500), c);
                            return new Opened(source, page.groups().stream().map(g -> g.groupId()).toList());
                        },
                        opened -> {
                            var archive = opened.source();
                            var ids = opened.ids();
                            var id = ids.size() == 1 ? java.util.Optional.of(ids.get(0))
                                    : dialogs.askText("Group in the archive", "The archive holds " + ids.size()
                                            + " groups; paste the id of the one to compare.", "compareArchiveGroup")
                                    .map(String::strip).filter(ids::contains);
                            if (id.isEmpty()) {
                                archive.close();
                                dialogs.showWarning("No group chosen", "Nothing to compare: the id is not in the"
                                        + " archive's manifest.");
                                return;
                            }
                            CompareViewModel vm = new CompareViewModel(ws.list().runner());
                            var stage = CompareWindow.open(owner, vm, ws.list().runner(), dialogs);
                            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> archive.close());
                            vm.start(ws.source(), liveId, archive, id.get());
                        },
                        t -> dialogs.showError("This archive cannot be opened", app.glow.inspector.ui.ErrorText.of(t))));
    }

    static void start(Workspace ws, Window owner, DialogService dialogs) {
        var selected = ws.list().selection();
        if (selected.size() != 2) {
            dialogs.showWarning("Select two groups", "Compare needs exactly two groups selected in the list"
                    + " (Ctrl+click or Shift+↓); " + selected.size() + " are selected now. From the command line,"
                    + " glow compare A B --archive-a FILE compares a group of an archive with a live one.");
            return;
        }
        CompareViewModel vm = new CompareViewModel(ws.list().runner());
        CompareWindow.open(owner, vm, ws.list().runner(), dialogs);
        vm.start(ws.source(), selected.get(0).groupId(), ws.source(), selected.get(1).groupId());
    }
}
