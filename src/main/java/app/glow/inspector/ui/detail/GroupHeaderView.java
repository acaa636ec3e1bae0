package app.glow.inspector.ui.detail;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The header of the detail pane. */
public final class GroupHeaderView extends VBox {
    public GroupHeaderView(GroupHeaderViewModel vm) {
        super(6);
        setId("groupHeader");
        setPadding(new Insets(16));
        getStyleClass().add("group-header");
        Label title = new Label();
        title.setId("groupTitle");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        Label actor = new Label();
        actor.getStyleClass().add("text-muted");
        actor.textProperty().bind(vm.actorProperty());
        Label totals = new Label();
        totals.setId("groupTotals");
        totals.setWrapText(true);
        totals.textProperty().bind(vm.totalsProperty());
        Label involved = new Label();
        involved.setWrapText(true);
        involved.textProperty().bind(vm.involvedProperty());
        getChildren().addAll(title, actor, totals, involved);
    }
}
