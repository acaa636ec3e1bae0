package app.glow.inspector.ui.detail.calls;

import app.glow.inspector.model.Run;
import app.glow.inspector.ui.Formats;
import app.glow.inspector.ui.detail.CallEntry;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
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
    public record Node(String label, String path, String created, int runIndex, CallEntry call) {
    }

    private final GroupDetailViewModel vm;
    private final ZoneId zone;
    private final TreeTableView<Node> tree = new TreeTableView<>();
    private final TextField filter = new TextField();
    private final Label counts = new Label();

    public ToolCallTreeView(GroupDetailViewModel vm, ZoneId zone, Consumer<CallEntry> onCall) {
        this.vm = vm;
        this.zone = zone;
        setId("toolCallTree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.getColumns().add(col("Run / message / template", 260, Node::label));
        tree.getColumns().add(col("File path", 240, Node::path));
        tree.getColumns().add(col("Created", 150, Node::created));
        tree.setPlaceholder(new Label("No tool calls in this group."));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue().call() != null) {
                onCall.accept(b.getValue().call());
            } else if (b != null && b.getValue().runIndex() >= 0 && b.getValue().call() == null
                    && b.getParent() == tree.getRoot()) {
                vm.selectedRunProperty().set(b.getValue().runIndex());
            }
        });
        vm.calls().addListener((ListChangeListener<CallEntry>) c -> rebuild());
        vm.selectedRunProperty().addListener((o, a, b) -> selectRun(b.intValue()));
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

    private void rebuild() {
        String f = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        TreeItem<Node> root = new TreeItem<>(new Node("", "", "", -1, null));
        Map<Integer, TreeItem<Node>> runItems = new LinkedHashMap<>();
        Map<String, TreeItem<Node>> messageItems = new LinkedHashMap<>();
        Map<String, Integer> perTemplate = new TreeMap<>();
        for (CallEntry e : vm.calls()) {
            perTemplate.merge(e.call().templateName(), 1, Integer::sum);
            if (!f.isEmpty() && (e.call().templateName() == null
                    || !e.call().templateName().toLowerCase(Locale.ROOT).contains(f))) {
                continue;
            }
            TreeItem<Node> run = runItems.computeIfAbsent(e.runIndex(), k -> {
                Run r = vm.run(k);
                TreeItem<Node> item = new TreeItem<>(new Node("Run " + (k + 1) + (r == null ? ""
                        : " · " + vm.names().model(r.modelId()) + " · " + vm.names().agent(r.agentId())), "",
                        r == null ? "" : Formats.local(r.createdAt(), zone), k, null));
                item.setExpanded(true);
                root.getChildren().add(item);
                return item;
            });
            TreeItem<Node> msg = messageItems.computeIfAbsent(e.messageId() + "@" + e.position(), k -> {
                TreeItem<Node> item = new TreeItem<>(new Node("Message #" + Formats.count(e.position() + 1) + " ("
                        + e.role() + ")", "", "", e.runIndex(), null));
                item.setExpanded(true);
                run.getChildren().add(item);
                return item;
            });
            msg.getChildren().add(new TreeItem<>(new Node(e.call().templateName(), e.call().filePath(),
                    e.call().createdAt() == null ? "" : Formats.local(e.call().createdAt(), zone), e.runIndex(), e)));
        }
        tree.setRoot(root);
        StringBuilder sb = new StringBuilder();
        perTemplate.forEach((t, n) -> sb.append(sb.length() == 0 ? "" : " · ").append(t).append(": ").append(n));
        counts.setText(vm.calls().isEmpty() ? "" : vm.calls().size() + " calls · " + sb);
    }

    private void selectRun(int k) {
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
