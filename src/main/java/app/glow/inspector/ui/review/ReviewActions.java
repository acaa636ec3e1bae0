package app.glow.inspector.ui.review;

import app.glow.inspector.review.ReviewStatus;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.ui.DialogService;
import app.glow.inspector.ui.detail.GroupDetailView;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.groups.GroupRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The Review menu: every review action with its shortcut, acting on whatever the main window
 * shows now (it asks {@link Target} each time, since switching sources replaces the views).
 */
public final class ReviewActions {
    /** What the actions act on, asked at the moment of the action. */
    public interface Target {
        ReviewViewModel review();

        GroupDetailViewModel detailModel();

        GroupDetailView detail();

        TableView<GroupRow> table();

        static Target of(java.util.function.Supplier<ReviewViewModel> review,
                         java.util.function.Supplier<GroupDetailViewModel> detailModel,
                         java.util.function.Supplier<GroupDetailView> detail,
                         java.util.function.Supplier<TableView<GroupRow>> table) {
            return new Target() {
                @Override
                public ReviewViewModel review() {
                    return review.get();
                }

                @Override
                public GroupDetailViewModel detailModel() {
                    return detailModel.get();
                }

                @Override
                public GroupDetailView detail() {
                    return detail.get();
                }

                @Override
                public TableView<GroupRow> table() {
                    return table.get();
                }
            };
        }
    }

    private final Target target;
    private final java.util.function.Supplier<DialogService> dialogs;
    private final Consumer<String> say;

    public ReviewActions(Target target, java.util.function.Supplier<DialogService> dialogs, Consumer<String> say) {
        this.target = target;
        this.dialogs = dialogs;
        this.say = say;
    }

    public Menu menu() {
        List<MenuItem> items = new ArrayList<>();
        items.add(item("Flag selected message…", "flagMenu", new KeyCodeCombination(KeyCode.G,
                KeyCombination.SHORTCUT_DOWN), () -> annotateMessage(true)));
        items.add(item("Note on selected message…", "noteMenu", new KeyCodeCombination(KeyCode.N,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> annotateMessage(false)));
        items.add(item("Note on group…", "groupNoteMenu", new KeyCodeCombination(KeyCode.G,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::annotateGroup));
        items.add(new SeparatorMenuItem());
        items.add(item("Next flagged message", "nextFlagMenu", new KeyCodeCombination(KeyCode.F8),
                () -> stepFlag(true)));
        items.add(item("Previous flagged message", "previousFlagMenu", new KeyCodeCombination(KeyCode.F8,
                KeyCombination.SHIFT_DOWN), () -> stepFlag(false)));
        items.add(item("Next unreviewed group", "nextUnreviewedMenu", new KeyCodeCombination(KeyCode.U,
                KeyCombination.SHORTCUT_DOWN), this::nextUnreviewed));
        items.add(new SeparatorMenuItem());
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (ReviewStatus s : ReviewStatus.values()) {
            items.add(item("Mark " + s.label().toLowerCase(), "status-" + s.wire(),
                    new KeyCodeCombination(digits[s.ordinal()], KeyCombination.ALT_DOWN),
                    () -> target.review().setStatus(s)));
        }
        items.add(new SeparatorMenuItem());
        items.add(item("Edit flag categories…", "categoriesMenu", null, this::editCategories));
        Menu m = new Menu("Review");
        m.setId("reviewMenu");
        m.getItems().setAll(items);
        return m;
    }

    private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setAccelerator(key);
        i.setOnAction(e -> action.run());
        return i;
    }

    void annotateMessage(boolean flag) {
        Conversation.MessageItem item = target.detail().conversation().selectedItemProperty().get();
        if (item == null || target.review().groupId() == null) {
            say.accept("Select a message first: Ctrl+2 moves to the conversation, ↑/↓ choose a message.");
            return;
        }
        if (!target.review().ensureReviewer()) {
            return;
        }
        String role = item.message().role().isEmpty() ? "no role" : item.message().role();
        String header = (flag ? "Flag" : "Note on") + " message #" + (item.position() + 1) + " (" + role + ")";
        List<String> categories = flag ? List.copyOf(target.review().categories()) : List.of();
        Optional<DialogService.AnnotationChoice> choice = dialogs.get().askAnnotation(flag ? "Flag message" : "Note",
                header, categories);
        choice.ifPresent(c -> {
            String runId = runId(item);
            target.review().annotate(item.message().id(), item.position(), runId, c.category(), c.note());
        });
        target.detail().conversation().focusList();
    }

    private String runId(Conversation.MessageItem item) {
        var runs = target.detailModel().conversation().runs();
        return item.runIndex() >= 0 && item.runIndex() < runs.size() ? runs.get(item.runIndex()).run().id() : null;
    }

    void annotateGroup() {
        if (target.review().groupId() == null) {
            say.accept("Open a group first.");
            return;
        }
        if (!target.review().ensureReviewer()) {
            return;
        }
        dialogs.get().askAnnotation("Note on group", "A note on the whole group", List.of())
                .ifPresent(c -> target.review().annotate(null, null, null, null, c.note()));
    }

    void stepFlag(boolean forward) {
        Conversation.MessageItem item = target.detail().conversation().selectedItemProperty().get();
        long from = item == null ? (forward ? -1 : Long.MAX_VALUE) : item.position();
        Optional<Long> next = target.review().nextFlagged(from, forward);
        if (next.isEmpty()) {
            say.accept("No flagged or noted messages in this group.");
            return;
        }
        long pos = next.get();
        target.detail().focusConversation();
        target.detailModel().conversation().jumpToMessage(pos + 1);
        target.detail().conversation().selectPosition(pos);
    }

    void nextUnreviewed() {
        TableView<GroupRow> table = target.table();
        int from = table.getSelectionModel().getSelectedIndex();
        Optional<GroupRow> next = target.review().nextUnreviewed(table.getItems(), from < 0 ? -1 : from);
        if (next.isEmpty()) {
            say.accept("Every loaded group has a review status.");
            return;
        }
        int i = table.getItems().indexOf(next.get());
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(i);
        table.requestFocus();
    }

    void editCategories() {
        dialogs.get().askLines("Flag categories", "One category per line, in the order offered.",
                List.copyOf(target.review().categories())).ifPresent(target.review()::setCategories);
    }

    /** The shortcut reference for Help → Keyboard shortcuts. */
    public static String shortcuts() {
        return String.join("\n",
                "Moving around",
                "  Ctrl+1              Group list",
                "  Ctrl+2              Conversation of the open group (↑/↓ choose a message)",
                "  Ctrl+F              Find in the conversation, or search the list",
                "  Ctrl+L              Open group by id or link",
                "  F5                  Reload the list",
                "",
                "Reviewing",
                "  Ctrl+G              Flag the selected message (category, note)",
                "  Ctrl+Shift+N        Note on the selected message",
                "  Ctrl+Shift+G        Note on the whole group",
                "  F8 / Shift+F8       Next / previous flagged or noted message",
                "  Ctrl+U              Next unreviewed group",
                "  Alt+1 … Alt+4       Status: unreviewed, in review, cleared, escalated",
                "  In the flag dialog: ↑/↓ category, Tab to the note, Ctrl+Enter saves, Esc cancels",
                "",
                "Files",
                "  Ctrl+O              Open an exported archive",
                "  Ctrl+E              Export the selected groups",
                "  Ctrl+Shift+P        Case report of the selected groups (HTML)",
                "  Ctrl+Q              Quit",
                "  F1                  This list");
    }
}
