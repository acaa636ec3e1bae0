package app.glow.inspector.ui;

import app.glow.inspector.service.GroupSource;
import app.glow.inspector.ui.detail.GroupHeaderView;
import app.glow.inspector.ui.detail.GroupHeaderViewModel;
import app.glow.inspector.ui.groups.GroupListView;
import app.glow.inspector.ui.groups.GroupListViewModel;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: toolbar, master list on the left, detail on the right, status bar. */
public final class MainWindow {
    public static final String TITLE = "Glow Inspector";
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256, 512};

    private final GroupSource source;
    private final GroupListViewModel list;
    private final GroupHeaderViewModel header;
    private final java.time.ZoneId zone;

    public MainWindow(GroupSource source, GroupListViewModel list, GroupHeaderViewModel header, java.time.ZoneId zone) {
        this.source = source;
        this.list = list;
        this.header = header;
        this.zone = zone;
    }

    public Scene createScene() {
        GroupListView listView = new GroupListView(list, zone);
        list.selectedProperty().addListener((o, a, b) -> header.show(b));

        SplitPane split = new SplitPane(listView, new GroupHeaderView(header));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);

        BorderPane root = new BorderPane(split);
        root.setTop(toolbar());
        root.setBottom(statusBar());
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        return scene;
    }

    private ToolBar toolbar() {
        Label sourceLabel = new Label(source.title());
        sourceLabel.setId("sourceLabel");
        sourceLabel.getStyleClass().add("source-label");
        Button refresh = new Button("Reload", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("reloadButton");
        refresh.setTooltip(new Tooltip("Reload the group list from the first page"));
        refresh.setOnAction(e -> list.reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(sourceLabel);
        if (source.isDemo()) {
            Label badge = new Label("Demo data");
            badge.setId("demoBadge");
            badge.getStyleClass().add("demo-badge");
            badge.setTooltip(new Tooltip("A built-in Glow-compatible instance with generated data. Set "
                    + "GLOW_INSTANCE_URL and GLOW_TOKEN to inspect a real instance."));
            bar.getItems().add(badge);
        }
        bar.getItems().addAll(spacer, refresh);
        return bar;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(list.statusProperty());
        Label error = new Label();
        error.getStyleClass().add("status-error");
        error.textProperty().bind(list.errorProperty());
        HBox bar = new HBox(16, status, error);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    /** Shows the window on {@code stage} and loads the first page. */
    public void show(Stage stage) {
        stage.setTitle(TITLE + " — " + source.title());
        for (int size : ICON_SIZES) {
            var url = MainWindow.class.getResource("/app/glow/inspector/icons/glow-inspector-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
        stage.setScene(createScene());
        stage.show();
        list.reload();
    }

    static List<Integer> iconSizes() {
        return java.util.Arrays.stream(ICON_SIZES).boxed().toList();
    }
}
