package app.glow.inspector.ui.compare;

import app.glow.inspector.compare.CompareHtml;
import app.glow.inspector.compare.CompareSummary;
import app.glow.inspector.compare.Comparison;
import app.glow.inspector.compare.ConversationAlignment;
import app.glow.inspector.compare.Delta;
import app.glow.inspector.compare.GroupLoad;
import app.glow.inspector.compare.SetDiff;
import app.glow.inspector.compare.WordDiff;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.DialogService;
import app.glow.inspector.ui.ErrorText;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Two groups side by side: summary deltas, tool-call differences, and the aligned conversation in
 * one list of rows (left | right), so both sides scroll together and a missing turn is a gap.
 * Every text is a Text node: message content is never markup here either.
 */
public final class CompareWindow {
    private static final int MAX_SHOWN = 4_000;

    private CompareWindow() {
    }

    public static Stage open(Window owner, CompareViewModel vm, BackgroundRunner runner, DialogService dialogs) {
        Label status = new Label();
        status.setId("compareStatus");
        status.textProperty().bind(vm.statusProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.progressProperty().lessThan(1));
        Button export = new Button("Export HTML…");
        export.setId("compareExport");
        export.disableProperty().bind(vm.resultProperty().isNull());
        export.setOnAction(e -> dialogs.chooseFileToSave("Export the comparison", "comparison.html",
                new DialogService.FileType("HTML", "*.html")).ifPresent(file -> runner.submit(c -> {
                    CompareHtml.write(vm.resultProperty().get(), file);
                    return file;
                }, f -> vm.statusProperty().set("Comparison written to " + f),
                t -> dialogs.showError("The comparison was not written", ErrorText.of(t)))));
        HBox top = new HBox(10, status, bar, export);
        top.setPadding(new Insets(8));
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        VBox summary = new VBox(8);
        summary.setId("compareSummary");
        summary.setPadding(new Insets(8));
        ListView<ConversationAlignment.Row> rows = new ListView<>();
        rows.setId("compareRows");
        rows.setAccessibleText("Aligned conversation");
        rows.setCellFactory(l -> new RowCell());
        vm.resultProperty().addListener((o, a, c) -> {
            if (c == null) {
                return;
            }
            summary.getChildren().setAll(summaryGrid(c.summary()), timelines(c), sets("Models", c.summary().models()),
                    sets("Agents", c.summary().agents()), sets("Profiles", c.summary().profiles()),
                    sets("Tool templates", c.toolCalls().templates()), sets("Tool file paths",
                            c.toolCalls().filePaths()));
            List<ConversationAlignment.Row> all = c.alignment().rows();
            rows.getItems().setAll(all.size() > MAX_SHOWN ? all.subList(0, MAX_SHOWN) : all);
        });
        javafx.scene.control.ScrollPane summaryScroll = new javafx.scene.control.ScrollPane(summary);
        summaryScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(summaryScroll, rows);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        BorderPane root = new BorderPane(split, top, null, null, null);
        root.setId("compareRoot");
        Stage stage = new Stage();
        stage.setTitle("Compare groups");
        Scene scene = new Scene(root, 1200, 800);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.cancel());
        stage.show();
        return stage;
    }

    private static Node summaryGrid(CompareSummary s) {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(4);
        ColumnConstraints metric = new ColumnConstraints();
        metric.setMinWidth(160);
        ColumnConstraints side = new ColumnConstraints();
        side.setMaxWidth(360);
        ColumnConstraints changes = new ColumnConstraints();
        changes.setMinWidth(180); // the point of the table: never the column that gets cut
        g.getColumnConstraints().addAll(metric, side, side, changes);
        g.addRow(0, bold(""), bold(name(s.left())), bold(name(s.right())), bold("Change"));
        int r = 1;
        for (Map.Entry<String, Delta> e : s.deltas().entrySet()) {
            Delta d = e.getValue();
            Label change = new Label(d.label());
            change.getStyleClass().add(d.sign() > 0 ? "delta-up" : d.sign() < 0 ? "delta-down" : "delta-none");
            change.setId("delta-" + e.getKey());
            g.addRow(r++, new Label(e.getKey().replace('_', ' ')), new Label(d.left().toPlainString()),
                    new Label(d.right().toPlainString()), change);
        }
        return g;
    }

    /** Both groups' runs on one axis from each group's first run, coloured alike by model. */
    private static Node timelines(Comparison c) {
        long span = Math.max(span(c.left().head().runs()), span(c.right().head().runs()));
        Map<String, javafx.scene.paint.Color> colours = new java.util.HashMap<>();
        VBox box = new VBox(4);
        box.setId("compareTimelines");
        for (GroupLoad g : List.of(c.left(), c.right())) {
            var runs = javafx.collections.FXCollections.observableArrayList(g.head().runs());
            var t = new app.glow.inspector.ui.detail.timeline.RunTimeline(runs,
                    new javafx.beans.property.SimpleIntegerProperty(-1), new app.glow.inspector.service.ResourceNames(),
                    java.time.ZoneId.systemDefault(), k -> { });
            t.setPrefHeight(80);
            t.shareAxis(Math.max(1, span), colours);
            box.getChildren().addAll(new Label((g == c.left() ? "Left: " : "Right: ") + g.head().runs().size()
                    + " runs, from its first run"), t);
        }
        return box;
    }

    private static long span(List<app.glow.inspector.model.RunWithMessages> runs) {
        if (runs.size() < 2 || runs.get(0).run().createdAt() == null
                || runs.get(runs.size() - 1).run().createdAt() == null) {
            return 0;
        }
        return runs.get(runs.size() - 1).run().createdAt().toEpochMilli() - runs.get(0).run().createdAt().toEpochMilli();
    }

    private static String name(CompareSummary.Side side) {
        return (side.groupName() == null ? "(no name)" : side.groupName()) + " · " + side.groupId();
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("text-bold");
        return l;
    }

    private static Node sets(String title, SetDiff d) {
        Label l = new Label(title + ": only left " + join(d.onlyLeft()) + " · only right " + join(d.onlyRight())
                + " · both " + join(d.both()));
        l.setWrapText(true);
        return l;
    }

    private static String join(List<String> xs) {
        return xs.isEmpty() ? "—" : String.join(", ", xs);
    }

    /** One aligned row: left and right halves, a gap where a side has no message. */
    private static final class RowCell extends ListCell<ConversationAlignment.Row> {
        @Override
        protected void updateItem(ConversationAlignment.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Node left = side(row.left(), row, true);
            Node right = side(row.right(), row, false);
            HBox line = new HBox(8, left, right);
            HBox.setHgrow(left, Priority.ALWAYS);
            HBox.setHgrow(right, Priority.ALWAYS);
            ((VBox) left).prefWidthProperty().bind(widthProperty().subtract(40).divide(2));
            ((VBox) right).prefWidthProperty().bind(widthProperty().subtract(40).divide(2));
            setGraphic(line);
        }

        private Node side(GroupLoad.Msg m, ConversationAlignment.Row row, boolean isLeft) {
            VBox box = new VBox(2);
            box.setMinWidth(0);
            if (m == null) {
                box.getStyleClass().add("compare-gap");
                box.getChildren().add(new Label("— no such turn on this side —"));
                return box;
            }
            box.getStyleClass().addAll("compare-side", row.equal() ? "compare-equal" : "compare-changed");
            box.getChildren().add(new Label("#" + (m.position() + 1) + " · " + m.role()));
            TextFlow text = new TextFlow();
            text.setMaxWidth(Double.MAX_VALUE);
            if (row.kind() == ConversationAlignment.Kind.BOTH && !row.equal() && row.words() != null) {
                for (WordDiff.Segment s : row.words()) {
                    boolean mine = s.op() == WordDiff.Op.EQUAL || (isLeft ? s.op() == WordDiff.Op.DELETE
                            : s.op() == WordDiff.Op.INSERT);
                    if (!mine) {
                        continue;
                    }
                    Text t = new Text(s.text());
                    if (s.op() != WordDiff.Op.EQUAL) {
                        t.getStyleClass().add(isLeft ? "diff-delete" : "diff-insert");
                    }
                    text.getChildren().add(t);
                }
            } else {
                String shown = m.text() == null ? "" : m.text();
                text.getChildren().add(new Text(shown.length() > 2_000 ? shown.substring(0, 2_000) + " …" : shown));
            }
            box.getChildren().add(text);
            return box;
        }
    }
}
