package app.glow.inspector.ui.notify;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The view of a {@link NotificationCenter}: a ControlsFX {@link NotificationPane} over the main
 * content (it overlays the top edge, so nothing under the pointer moves) for the latest notice,
 * and a bell for the toolbar with the unread count that opens the list of recent notices.
 */
public final class NotificationBar {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final NotificationPane pane = new NotificationPane();
    private final Button bell = new Button(null, new FontIcon(Feather.BELL));
    private final Label count = new Label();
    private final ListView<Notice> list = new ListView<>();
    private final PauseTransition autoHide = new PauseTransition(Duration.seconds(10));
    private final ZoneId zone;
    private NotificationCenter center;
    private Consumer<String> openGroup = id -> { };
    private final ChangeListener<Notice> latestListener = (o, a, n) -> showLatest(n);

    public NotificationBar(ZoneId zone) {
        this.zone = zone;
        pane.setId("notificationPane");
        pane.setAccessibleText("Latest notice");
        pane.setShowFromTop(true);
        pane.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        pane.setOnHidden(e -> {
            if (center != null) {
                center.dismissLatest();
            }
        });
        autoHide.setOnFinished(e -> pane.hide());
        count.setId("noticeCount");
        count.getStyleClass().add("notice-count");
        bell.setId("noticeBell");
        bell.getStyleClass().add("flat");
        bell.setGraphic(new StackPane(new FontIcon(Feather.BELL), count));
        StackPane.setAlignment(count, Pos.TOP_RIGHT);
        bell.setAccessibleText("Notifications");
        bell.setTooltip(new Tooltip("Recent notices"));
        bell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        bell.setOnAction(e -> showList());
        list.setId("noticeList");
        list.setPrefSize(460, 320);
        list.setPlaceholder(new Label("No notices."));
        list.setCellFactory(v -> new NoticeCell());
    }

    /** The main content the bar overlays. */
    public NotificationPane wrap(Node content) {
        pane.setContent(content);
        return pane;
    }

    public Button bell() {
        return bell;
    }

    /** Shows the notices of another workspace; {@code open} opens a group by id. */
    public void bind(NotificationCenter next, Consumer<String> open) {
        if (center != null) {
            center.latestProperty().removeListener(latestListener);
        }
        center = next;
        openGroup = open;
        list.setItems(next.recent());
        count.textProperty().bind(next.unreadProperty().asString());
        count.visibleProperty().bind(next.unreadProperty().greaterThan(0));
        bell.accessibleTextProperty().bind(next.unreadProperty().asString("Notifications, %d unread"));
        next.latestProperty().addListener(latestListener);
        showLatest(next.latestProperty().get());
    }

    private void showLatest(Notice n) {
        if (n == null) {
            pane.hide();
            return;
        }
        pane.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        pane.setText(n.title() + (n.detail() == null ? "" : ": " + oneLine(n.detail())));
        pane.getActions().setAll();
        if (n.groupId() != null) {
            pane.getActions().add(new org.controlsfx.control.action.Action("Open group",
                    e -> openGroup.accept(n.groupId())));
        }
        pane.show();
        autoHide.playFromStart();
    }

    private void showList() {
        if (center != null) {
            center.markAllRead();
        }
        PopOver pop = new PopOver(list);
        pop.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
        pop.setTitle("Notices");
        pop.setHeaderAlwaysVisible(true);
        pop.setDetachable(false);
        pop.show(bell);
    }

    static String oneLine(String s) {
        String t = s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return t.length() > 160 ? t.substring(0, 159) + "…" : t;
    }

    private final class NoticeCell extends ListCell<Notice> {
        @Override
        protected void updateItem(Notice n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(n.title());
            title.getStyleClass().add("notice-title");
            title.setWrapText(true);
            Label time = new Label(TIME.format(n.time().atZone(zone)));
            time.getStyleClass().add("notice-time");
            HBox head = new HBox(8, time, title);
            HBox.setHgrow(title, Priority.ALWAYS);
            VBox box = new VBox(2, head);
            if (n.detail() != null) {
                Label detail = new Label(n.detail());
                detail.setWrapText(true);
                detail.setMaxWidth(420);
                detail.getStyleClass().add("notice-detail");
                box.getChildren().add(detail);
            }
            if (n.groupId() != null) {
                Hyperlink open = new Hyperlink("Open group");
                open.setOnAction(e -> openGroup.accept(n.groupId()));
                box.getChildren().add(open);
            }
            setGraphic(box);
        }
    }
}
