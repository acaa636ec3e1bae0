package app.glow.inspector.ui.detail.chat;

import app.glow.inspector.service.Conversation;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The conversation: a virtualized list of bubbles with find (Ctrl+F) and jump to message N. */
public final class ConversationView extends BorderPane {
    private final ListView<Conversation.Item> list = new ListView<>();
    private final TextField find = new TextField();
    // weak: a cell the flow drops (it makes new ones when its skin or factory changes) is not kept alive here
    private final java.util.Set<ConversationCell> cells =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final RowHeights heights = new RowHeights();

    private app.glow.inspector.ui.review.ReviewViewModel review;
    private final javafx.beans.property.ObjectProperty<Conversation.MessageItem> selectedItem =
            new javafx.beans.property.SimpleObjectProperty<>();

    /** Bubbles show the review's flags and notes; they redraw when annotations change. */
    public void attachReview(app.glow.inspector.ui.review.ReviewViewModel r) {
        this.review = r;
        r.revisionProperty().addListener((o, a, b) -> repaint());
    }

    /** The message the keyboard or mouse selected last, with its position and run. */
    public javafx.beans.property.ReadOnlyObjectProperty<Conversation.MessageItem> selectedItemProperty() {
        return selectedItem;
    }

    /**
     * Redraws the rows on screen from their items (a selection, find or review change). Unlike
     * {@code ListView.refresh()}, which throws every cell away and builds new ones, this keeps the
     * cells and their nodes; the flow only ever makes a screenful of cells plus a few spare.
     */
    private void repaint() {
        heights.clear();
        for (ConversationCell c : List.copyOf(cells)) {
            c.repaint();
        }
    }

    /** Puts the keyboard focus on the conversation list (keeps the selection). */
    public void focusList() {
        list.requestFocus();
    }

    /** Selects the message at {@code position} once its row is there. */
    public void selectPosition(long position) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i) instanceof Conversation.MessageItem m && m.position() == position) {
                list.getSelectionModel().clearAndSelect(i);
                list.scrollTo(i);
                return;
            }
        }
    }

    /**
     * The list with a "N new messages ↓" pill over its bottom edge: live messages never move what
     * is being read; the pill says they came and takes the reader there on request. At the end of
     * the list already, there is nothing to announce.
     */
    private javafx.scene.Node withPill(GroupDetailViewModel vm) {
        Button pill = new Button();
        pill.setId("newMessagesPill");
        pill.getStyleClass().addAll("new-messages-pill", "accent");
        pill.setVisible(false);
        var count = vm.conversation().newMessagesProperty();
        pill.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> count.get()
                + (count.get() == 1 ? " new message ↓" : " new messages ↓"), count));
        pill.setOnAction(e -> vm.conversation().showNewMessages());
        count.addListener((o, a, b) -> javafx.application.Platform.runLater(() -> {
            if (b.intValue() > 0 && atEnd()) {
                count.set(0); // the reader sees the end: the new messages are in view
            }
            pill.setVisible(count.get() > 0);
        }));
        list.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> javafx.application.Platform.runLater(() -> {
            if (count.get() > 0 && atEnd()) {
                count.set(0);
            }
        }));
        javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(list, pill);
        javafx.scene.layout.StackPane.setAlignment(pill, javafx.geometry.Pos.BOTTOM_CENTER);
        javafx.scene.layout.StackPane.setMargin(pill, new javafx.geometry.Insets(0, 0, 12, 0));
        return stack;
    }

    private boolean atEnd() {
        if (list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
            var last = flow.getLastVisibleCell();
            return last != null && last.getIndex() >= list.getItems().size() - 1;
        }
        return true;
    }

    /** The item shown at the top of the list now (tests check a live update does not move it). */
    public Conversation.Item firstVisibleItem() {
        if (list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow
                && flow.getFirstVisibleCell() != null) {
            int i = flow.getFirstVisibleCell().getIndex();
            return i >= 0 && i < list.getItems().size() ? list.getItems().get(i) : null;
        }
        return null;
    }

    public ConversationView(GroupDetailViewModel vm, ZoneId zone, app.glow.inspector.ui.DialogService dialogs) {
        setId("conversationView");
        list.setId("conversationList");
        list.setAccessibleText("Conversation (Ctrl+2; ↑/↓ choose a message)");
        list.setItems(vm.conversation().items());
        list.setCellFactory(l -> {
            ConversationCell cell = new ConversationCell(vm, zone, dialogs, () -> review, heights);
            cells.add(cell);
            // cells take the list's width (minus the scroll bar), so text wraps instead of overflowing
            cell.prefWidthProperty().bind(l.widthProperty().subtract(18));
            cell.setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            return cell;
        });
        list.getStyleClass().add("conversation");
        CellKeys.install(list);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b instanceof Conversation.MessageItem m) {
                selectedItem.set(m);
                vm.conversation().selectedMessageProperty().set(m.message());
            }
        });
        boolean[] startAtTop = {true};
        vm.conversation().items().addListener((javafx.collections.ListChangeListener<Conversation.Item>) c -> {
            if (vm.conversation().items().isEmpty()) {
                selectedItem.set(null); // another group
                heights.clear();
                startAtTop[0] = true;
            } else if (startAtTop[0]) {
                // a group opens at its start, not where the last one was left (which could be
                // among placeholders the reader never asked for)
                startAtTop[0] = false;
                list.scrollTo(0);
            }
        });
        Label empty = new Label();
        empty.textProperty().bind(vm.header().statusProperty());
        list.setPlaceholder(empty);
        vm.conversation().scrollRequests().subscribe(index -> {
            if (index != null && index >= 0 && index < list.getItems().size()) {
                list.scrollTo(index);
                list.getSelectionModel().clearAndSelect(index);
            }
        });
        vm.conversation().selectedRunProperty().addListener((o, a, b) -> repaint());
        vm.find().highlightsChanged().subscribe(x -> repaint());
        vm.markdownProperty().addListener((o, a, b) -> repaint());
        vm.conversation().runs().addListener((javafx.collections.ListChangeListener<Object>) c -> repaint());

        find.setId("findField");
        find.setPromptText("Find in conversation (Ctrl+F)");
        HBox.setHgrow(find, Priority.ALWAYS);
        // Enter finds, Enter again goes to the next match; Shift+Enter to the previous one
        String[] found = {null};
        find.setOnAction(e -> {
            if (find.getText().equals(found[0])) {
                vm.find().next();
            } else {
                found[0] = find.getText();
                vm.find().find(find.getText());
            }
        });
        find.textProperty().addListener((o, a, b) -> found[0] = null);
        find.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                vm.find().previous();
                e.consume();
            }
        });
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                find.clear();
                vm.find().find("");
            }
        });
        Button prev = new Button(null, new FontIcon(Feather.CHEVRON_UP));
        prev.setTooltip(new Tooltip("Previous match (Shift+Enter)"));
        prev.setAccessibleText("Previous match");
        prev.setOnAction(e -> vm.find().previous());
        Button next = new Button(null, new FontIcon(Feather.CHEVRON_DOWN));
        next.setId("findNext");
        next.setTooltip(new Tooltip("Next match (Enter)"));
        next.setAccessibleText("Next match");
        next.setOnAction(e -> vm.find().next());
        Label findStatus = new Label();
        findStatus.setId("findStatus");
        findStatus.textProperty().bind(vm.find().statusProperty());
        TextField jump = new TextField();
        jump.setId("jumpField");
        jump.setPromptText("Go to #");
        jump.setPrefColumnCount(6);
        jump.setOnAction(e -> {
            try {
                vm.conversation().jumpToMessage(Long.parseLong(jump.getText().strip().replace(",", "")));
            } catch (NumberFormatException ex) {
                jump.selectAll();
            }
        });
        HBox bar = new HBox(6, new FontIcon(Feather.SEARCH), find, prev, next, findStatus, jump);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.getStyleClass().add("find-bar");
        Label status = new Label();
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(vm.header().statusProperty());
        status.setPadding(new Insets(2, 8, 2, 8));
        setTop(bar);
        setCenter(withPill(vm));
        setBottom(status);
    }

    public ListView<Conversation.Item> list() {
        return list;
    }

    public void focusFind() {
        find.requestFocus();
        find.selectAll();
    }
}
