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
