package app.glow.inspector.ui.detail;

import app.glow.inspector.ui.detail.calls.ToolCallTreeView;
import app.glow.inspector.ui.detail.chat.ConversationView;
import app.glow.inspector.ui.detail.timeline.RunTimeline;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The detail pane: header, run timeline, then conversation, tool calls, raw JSON and cost tabs. */
public final class GroupDetailView extends BorderPane {
    private final ConversationView conversation;
    private final TabPane tabs = new TabPane();
    private final Tab conversationTab;
    private final Tab costTab;
    private final RunTimeline timeline;
    private final Label reviewLine = new Label();

    public GroupDetailView(GroupDetailViewModel vm, ZoneId zone, app.glow.inspector.ui.DialogService dialogs,
                           Node costView) {
        setId("groupDetail");
        Label title = new Label();
        title.setId("groupTitle");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        title.textProperty().bind(vm.header().titleProperty());
        Label actor = new Label();
        actor.setId("groupActor");
        actor.getStyleClass().add("text-muted");
        actor.textProperty().bind(vm.header().actorProperty());
        Label totals = new Label();
        totals.setId("groupTotals");
        totals.setWrapText(true);
        totals.textProperty().bind(vm.header().totalsProperty());
        Label involved = new Label();
        involved.setId("groupInvolved");
        involved.setWrapText(true);
        involved.textProperty().bind(vm.header().involvedProperty());
        reviewLine.setId("groupReview");
        reviewLine.setWrapText(true);
        reviewLine.getStyleClass().add("group-review");
        reviewLine.setVisible(false);
        reviewLine.setManaged(false);
        VBox header = new VBox(4, title, actor, totals, involved, reviewLine);
        header.getStyleClass().add("group-header");
        header.setPadding(new Insets(10, 12, 6, 12));

        timeline = new RunTimeline(vm.conversation().runs(), vm.conversation().selectedRunProperty(), vm.names(), zone, vm.conversation()::selectRun);
        ToggleButton tokens = new ToggleButton("Tokens");
        ToggleButton cost = new ToggleButton("Cost");
        cost.setId("timelineByCost");
        ToggleGroup sizing = new ToggleGroup();
        tokens.setToggleGroup(sizing);
        cost.setToggleGroup(sizing);
        tokens.setSelected(true);
        tokens.setTooltip(new Tooltip("Bar heights by tokens: input, cached and output stacked"));
        cost.setTooltip(new Tooltip("Bar heights by cost"));
        timeline.byCostProperty().bind(cost.selectedProperty());
        ToggleButton sequence = new ToggleButton("Sequence");
        sequence.setId("timelineBySequence");
        sequence.setTooltip(new Tooltip("One slot per run instead of the time axis"));
        sequence.selectedProperty().bindBidirectional(timeline.bySequenceProperty());
        Button zoomIn = new Button(null, new FontIcon(Feather.ZOOM_IN));
        zoomIn.setTooltip(new Tooltip("Zoom in (or mouse wheel over the timeline)"));
        zoomIn.setAccessibleText("Zoom the timeline in");
        zoomIn.setOnAction(e -> timeline.zoomBy(2));
        Button zoomOut = new Button(null, new FontIcon(Feather.ZOOM_OUT));
        zoomOut.setOnAction(e -> timeline.zoomBy(0.5));
        zoomOut.setAccessibleText("Zoom the timeline out");
        zoomOut.setTooltip(new Tooltip("Zoom out"));
        Button fit = new Button("Fit");
        fit.setOnAction(e -> timeline.fit());
        fit.setTooltip(new Tooltip("Show every run"));
        Label legend = new Label();
        legend.textProperty().bind(javafx.beans.binding.Bindings.when(timeline.bySequenceProperty())
                .then("Runs in order; drag to pan, click a run to read it")
                .otherwise("Runs by time; drag to pan, click a run to read it"));
        legend.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox timelineBar = new HBox(6, legend, spacer, sequence, tokens, cost, zoomOut, zoomIn, fit);
        timelineBar.setAlignment(Pos.CENTER_LEFT);
        VBox timelineBox = new VBox(4, timelineBar, timeline);
        timelineBox.setPadding(new Insets(0, 12, 6, 12));

        conversation = new ConversationView(vm, zone, dialogs);
        conversationTab = new Tab("Conversation", conversation);
        ToolCallTreeView calls = new ToolCallTreeView(vm, zone, call -> {
            tabs.getSelectionModel().select(conversationTab);
            vm.conversation().jumpToMessage(call.position() + 1);
        });
        Tab jsonTab = new Tab("Raw JSON");
        Tab groupJson = new Tab("Group");
        Tab messageJson = new Tab("Selected message");
        groupJson.setContent(jsonArea(vm.json().groupJsonProperty(), "groupJson",
                jsonTab.selectedProperty().and(groupJson.selectedProperty())));
        messageJson.setContent(jsonArea(vm.json().messageJsonProperty(), "messageJson",
                jsonTab.selectedProperty().and(messageJson.selectedProperty())));
        TabPane json = new TabPane(groupJson, messageJson);
        json.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        jsonTab.setContent(json);
        costTab = new Tab("Cost", costView);
        Tab callsTab = new Tab("Tool calls", calls);
        calls.shownWhen(callsTab.selectedProperty());
        tabs.getTabs().addAll(conversationTab, callsTab, jsonTab, costTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("detailTabs");
        tabs.setAccessibleText("Group detail: conversation, tool calls, raw JSON, cost");
        setTop(new VBox(header, timelineBox));
        setCenter(tabs);
    }

    /** Shows the review: markers in the timeline and bubbles, the status and group notes in the header. */
    public void attachReview(app.glow.inspector.ui.review.ReviewViewModel r, ZoneId zone) {
        timeline.markRuns(r.annotatedRuns());
        conversation.attachReview(r);
        Runnable update = () -> {
            var st = r.statusProperty().get();
            StringBuilder b = new StringBuilder();
            if (st != null) {
                b.append("Review: ").append(st.status().label());
                if (st.updated() != null) {
                    b.append(" (").append(st.reviewer()).append(", ")
                            .append(app.glow.inspector.ui.Formats.local(st.updated(), zone)).append(')');
                }
            }
            for (var a : r.groupNotes()) {
                b.append(b.length() > 0 ? "\n" : "").append(app.glow.inspector.ui.review.AnnotationMarks.line(a, zone));
            }
            reviewLine.setText(b.toString());
            boolean show = st != null;
            reviewLine.setVisible(show);
            reviewLine.setManaged(show);
            reviewLine.getStyleClass().removeIf(c -> c.startsWith("review-status-"));
            if (st != null) {
                reviewLine.getStyleClass().add("review-status-" + st.status().wire().replace('_', '-'));
            }
        };
        r.statusProperty().addListener((o, a, b) -> update.run());
        r.revisionProperty().addListener((o, a, b) -> update.run());
        update.run();
    }

    /** The timeline's axis: by sequence (true) or by time; the window remembers the choice. */
    public javafx.beans.property.BooleanProperty timelineBySequenceProperty() {
        return timeline.bySequenceProperty();
    }

    public ConversationView conversation() {
        return conversation;
    }

    /** Shows the Conversation tab and puts the keyboard focus in the message list. */
    public void focusConversation() {
        tabs.getSelectionModel().select(conversationTab);
        conversation.focusList();
    }

    /**
     * A read-only JSON view that holds its text only while it is on screen: a hidden TextArea with
     * a group's JSON in it was measured (its whole text laid out) on every layout of the detail,
     * which was the largest single cost while scrolling the conversation. Its size never depends
     * on its text, for the same reason.
     */
    private static TextArea jsonArea(javafx.beans.value.ObservableValue<String> text, String id,
                                     javafx.beans.value.ObservableBooleanValue shown) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.getStyleClass().add("json-view");
        a.setMinSize(0, 0);
        a.setPrefSize(400, 300);
        Runnable update = () -> a.setText(shown.get() ? text.getValue() : "");
        text.addListener((o, x, y) -> update.run());
        shown.addListener((o, x, y) -> update.run());
        update.run();
        return a;
    }

    /** True while the Cost tab is the one shown (the cost view computes only then). */
    public javafx.beans.value.ObservableBooleanValue costShownProperty() {
        return costTab.selectedProperty();
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Ctrl+F inside the detail: the conversation's find bar. */
    public void focusFind() {
        tabs.getSelectionModel().select(conversationTab);
        conversation.focusFind();
    }
}
