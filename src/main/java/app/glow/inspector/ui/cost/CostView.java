package app.glow.inspector.ui.cost;

import app.glow.inspector.model.Pricing;
import app.glow.inspector.service.CostAudit;
import app.glow.inspector.service.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Cost by model, agent and profile for the selection; the pricing table; the cost audit. */
public final class CostView extends ScrollPane {
    public CostView(CostViewModel vm, Supplier<List<app.glow.inspector.ui.groups.GroupRow>> loadedRows) {
        setFitToWidth(true);
        setId("costView");
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(vm.breakdownStatusProperty());
        javafx.scene.layout.TilePane charts = new javafx.scene.layout.TilePane(8, 8,
                chart("By model", vm.byModelProperty()), chart("By agent", vm.byAgentProperty()),
                chart("By profile", vm.byProfileProperty()));
        charts.setPrefTileWidth(340);
        charts.setPrefTileHeight(330);

        Label pricingTitle = new Label("Pricing (per million tokens)");
        pricingTitle.getStyleClass().add("title-4");
        TableView<Pricing> prices = new TableView<>(vm.prices());
        prices.setId("pricingTable");
        prices.setPrefHeight(200);
        prices.getColumns().add(col("Model", 180, p -> vm.names().model(p.modelId())));
        prices.getColumns().add(col("Currency", 70, Pricing::currency));
        prices.getColumns().add(col("Input", 90, p -> plain(p.inputPerMillion())));
        prices.getColumns().add(col("Cached input", 100, p -> plain(p.cachedInputPerMillion())));
        prices.getColumns().add(col("Output", 90, p -> plain(p.outputPerMillion())));
        prices.setPlaceholder(new Label("The instance sent no pricing."));

        Label auditTitle = new Label("Cost audit");
        auditTitle.getStyleClass().add("title-4");
        Button run = new Button("Audit loaded groups");
        run.setId("auditButton");
        run.setTooltip(new Tooltip("Recompute each loaded group's cost from its runs' tokens and the prices "
                + "(input, cached input and output priced separately) and list the groups that differ."));
        run.setOnAction(e -> vm.audit(loadedRows.get()));
        Label auditStatus = new Label();
        auditStatus.setId("auditStatus");
        auditStatus.setWrapText(true);
        auditStatus.textProperty().bind(vm.auditStatusProperty());
        TableView<CostAudit.Result> flagged = new TableView<>(vm.flagged());
        flagged.setId("auditTable");
        flagged.setPrefHeight(220);
        flagged.getColumns().add(col("Group", 260, CostAudit.Result::groupName));
        flagged.getColumns().add(col("Reported", 110, r -> Money.exact(r.reported())));
        flagged.getColumns().add(col("Recomputed", 110, r -> Money.exact(r.recomputed())));
        flagged.getColumns().add(col("Difference", 110, r -> Money.exact(r.difference())));
        flagged.getColumns().add(col("Runs that differ", 110, r -> String.valueOf(r.mismatchedRunIds().size())));
        flagged.getColumns().add(col("Why", 220, CostAudit.Result::reason));
        flagged.setPlaceholder(new Label("No differences found (or not audited yet)."));

        VBox box = new VBox(10, status, charts, pricingTitle, prices, auditTitle, new HBox(10, run, auditStatus),
                flagged);
        box.setPadding(new Insets(12));
        setContent(box);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    private static VBox chart(String title, ObjectProperty<List<CostViewModel.Slice>> slices) {
        PieChart chart = new PieChart();
        chart.setTitle(title);
        chart.setLegendVisible(true);
        chart.setLabelsVisible(false);
        chart.setAnimated(false);
        chart.setPrefSize(340, 330);
        chart.setLegendSide(javafx.geometry.Side.BOTTOM);
        slices.addListener((o, a, b) -> {
            var data = FXCollections.<PieChart.Data>observableArrayList();
            for (CostViewModel.Slice s : b) {
                data.add(new PieChart.Data(s.name() + "  " + Money.display(s.cost()), s.cost().doubleValue()));
            }
            chart.setData(data);
        });
        VBox v = new VBox(chart);
        HBox.setHgrow(v, Priority.ALWAYS);
        return v;
    }

    private static <T> TableColumn<T, String> col(String title, double width, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }
}
