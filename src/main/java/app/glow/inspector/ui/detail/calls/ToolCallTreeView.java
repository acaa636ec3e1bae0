package app.glow.inspector.ui.detail.calls;

import app.glow.inspector.model.Run;
import app.glow.inspector.ui.Formats;
import app.glow.inspector.service.ToolCallIndex;
import app.glow.inspector.service.ToolCallIndex.Entry;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Tool calls as a tree, run → message → call, with template, file path and time; filter by
 * template name and a count per template. Selecting a call shows its message.
 */
public final class ToolCallTreeView extends BorderPane {
    /** A row of the tree: a run, a message, or a call. */
    public record Node(String label, String path, String created, int runIndex, Entry call) {
    }

    private final GroupDetailViewModel vm;
    private final ZoneId zone;
    private final TreeTableView<Node> tree = new TreeTableView<>();
    private final TextField filter = new TextField();
    private final Label counts = new Label();

    private javafx.beans.value.ObservableBooleanValue shown;
    private boolean stale;

    public ToolCallTreeView(GroupDetailViewModel vm, ZoneId zone, Consumer<Entry> onCall) {
        this.vm = vm;
        this.zone = zone;
        setId("toolCallTree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.getColumns().add(col("Run / message / template", 260, Node::label));
        tree.getColumns().add(col("File path", 240, Node::path));
        tree.getColumns().add(col("Created", 150, Node::created));
        Label placeholder = new Label();
        placeholder.setId("toolCallsPlaceholder");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.calls().statusProperty().get().isEmpty() ? "No tool calls in this group."
                        : vm.calls().statusProperty().get(), vm.calls().statusProperty()));
        tree.setPlaceholder(placeholder);
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue().call() != null) {
                onCall.accept(b.getValue().call());
            } else if (b != null && b.getValue().runIndex() >= 0 && b.getValue().call() == null
                    && b.getParent() == tree.getRoot()) {
                vm.conversation().selectedRunProperty().set(b.getValue().runIndex());
            }
        });
        vm.calls().indexProperty().addListener((o, a, b) -> rebuild());
        vm.conversation().selectedRunProperty().addListener((o, a, b) -> selectRun(b.intValue()));
        filter.setId("callFilter");
        filter.setPromptText("Filter by template name");
        filter.textProperty().addListener((o, a, b) -> rebuild());
        HBox.setHgrow(filter, Priority.ALWAYS);
        counts.setId("templateCounts");
        counts.setWrapText(true);
        HBox bar = new HBox(8, filter);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, bar, counts);
        top.setPadding(new Insets(6));
        setTop(top);
        setCenter(tree);
        rebuild();
    }

    public TreeTableView<Node> tree() {
        return tree;
    }

    /**
     * Builds the tree only while it is on screen ({@code shown}, the tab's selection): a long
     * group's calls make thousands of tree items, and building them while the reader scrolls the
     * conversation stalled it. A change while hidden is applied when the tab is shown.
     */
    public void shownWhen(javafx.beans.value.ObservableBooleanValue shown) {
        this.shown = shown;
        shown.addListener((o, a, b) -> {
            if (b && stale) {
                rebuild();
                selectRun(vm.conversation().selectedRunProperty().get());
            }
        });
    }

    /** Shows the index the view model built: grouping and counting happen there, not here. */
    private void rebuild() {
        if (shown != null && !shown.get()) {
            stale = true;
            return;
        }
        stale = false;
        ToolCallIndex index = vm.calls().indexProperty().get();
        TreeItem<Node> root = new TreeItem<>(new Node("", "", "", -1, null));
        for (ToolCallIndex.RunCalls rc : index.tree(filter.getText())) {
            int k = rc.runIndex();
            Run r = vm.conversation().run(k);
            TreeItem<Node> run = new TreeItem<>(new Node("Run " + (k + 1) + (r == null ? ""
                    : " · " + vm.names().model(r.modelId()) + " · " + vm.names().agent(r.agentId())), "",
                    r == null ? "" : Formats.local(r.createdAt(), zone), k, null));
            run.setExpanded(true);
            root.getChildren().add(run);
            for (ToolCallIndex.MessageCalls mc : rc.messages()) {
                TreeItem<Node> msg = new TreeItem<>(new Node("Message #" + Formats.count(mc.position() + 1) + " ("
                        + mc.role() + ")", "", "", k, null));
                msg.setExpanded(true);
                run.getChildren().add(msg);
                for (Entry e : mc.calls()) {
                    msg.getChildren().add(new TreeItem<>(new Node(e.template(),
                            e.call().filePath() == null ? "" : e.call().filePath(),
                            e.call().createdAt() == null ? "" : Formats.local(e.call().createdAt(), zone), k, e)));
                }
            }
        }
        tree.setRoot(root);
        counts.setText(index.summary());
    }

    private void selectRun(int k) {
        if (stale) {
            return; // selected when the tree is built
        }
        TreeItem<Node> root = tree.getRoot();
        if (root == null) {
            return;
        }
        List<TreeItem<Node>> runs = root.getChildren();
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).getValue().runIndex() == k) {
                if (tree.getSelectionModel().getSelectedItem() != runs.get(i)) {
                    tree.getSelectionModel().select(runs.get(i));
                    tree.scrollTo(tree.getRow(runs.get(i)));
                }
                return;
            }
        }
    }

    private static TreeTableColumn<Node, String> col(String title, double width,
                                                     java.util.function.Function<Node, String> f) {
        TreeTableColumn<Node, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue() == null ? ""
                : f.apply(d.getValue().getValue())));
        return c;
    }
}
