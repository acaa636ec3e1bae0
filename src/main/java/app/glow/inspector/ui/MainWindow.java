package app.glow.inspector.ui;

import app.glow.inspector.settings.Settings;
import app.glow.inspector.ui.connection.ConnectionDialog;
import app.glow.inspector.ui.cost.CostView;
import app.glow.inspector.ui.detail.GroupDetailView;
import app.glow.inspector.ui.groups.ColumnLayout;
import app.glow.inspector.ui.groups.GroupListView;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: menus and toolbar, the master list on the left, the detail on the right
 * (group and cost tabs), and a status bar. Switching instances replaces the workspace.
 */
public final class MainWindow {
    public static final String TITLE = "Glow Inspector";
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256, 512};
    static final String COLUMNS_KEY = "groupColumns";
    static final String TIMELINE_KEY = "timelineBySequence";

    private final WorkspaceSwitcher switcher;
    private final Settings settings;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final Label sourceLabel = new Label();
    private final Label badge = new Label("Demo data");
    private final Label status = new Label();
    private final MenuItem refreshServer = new MenuItem("Refresh server caches");
    private final javafx.scene.control.ToggleButton follow = new javafx.scene.control.ToggleButton("Follow live");
    private final Label liveStatus = new Label();
    private final app.glow.inspector.ui.notify.NotificationBar notices;
    private Workspace workspace;
    private GroupListView listView;
    private GroupDetailView detailView;
    private Stage stage;
    private DialogService dialogs = new FxDialogService(() -> stage);
    private final LogFolder logFolder = new LogFolder();
    private final app.glow.inspector.ui.search.SearchSlot search = new app.glow.inspector.ui.search.SearchSlot();

    private final Appearance appearance;

    public MainWindow(Workspace initial, WorkspaceSwitcher switcher, Settings settings, ZoneId zone,
                      Appearance appearance) {
        this.appearance = appearance;
        this.workspace = initial;
        this.switcher = switcher;
        this.settings = settings;
        this.zone = zone;
        this.notices = new app.glow.inspector.ui.notify.NotificationBar(zone);
    }

    public Workspace workspace() {
        return workspace;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** Where Help → "Open log folder" leads, and how to open a folder on this desktop. */
    public void useLogFolder(java.nio.file.Path folder, java.util.function.Consumer<String> opener) {
        logFolder.use(folder, opener);
    }

    /** Turns on full-text search, its indexes kept under {@code indexes} (call before showing). */
    public void useSearch(app.glow.inspector.search.SearchIndexes indexes) {
        search.use(indexes);
    }

    /** Closes the current search (its index is committed after every indexing run). */
    public void closeSearch() {
        search.close();
    }

    /** The reviewer's name, asked once and remembered; empty when the user declines. */
    public java.util.Optional<String> reviewerName() {
        return app.glow.inspector.ui.review.ReviewerName.get(settings, () -> dialogs);
    }

    /** Replaces the dialogs (tests answer them without native windows). */
    public void useDialogs(DialogService replacement) {
        this.dialogs = replacement;
    }

    public Scene createScene() {
        VBox top = new VBox(menuBar(), toolbar());
        root.setTop(top);
        status.setId("statusLabel");
        HBox statusBar = new HBox(16, status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(4, 10, 4, 10));
        root.setBottom(statusBar);
        install(workspace);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        appearance.attach(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> find(scene));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), search::focus);
        // drop an exported archive anywhere on the window to open it
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream()
                    .anyMatch(f -> f.getName().toLowerCase().endsWith(".zip"))) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            var zip = e.getDragboard().getFiles().stream().filter(f -> f.getName().toLowerCase().endsWith(".zip"))
                    .findFirst();
            zip.ifPresent(f -> openArchive(f.toPath()));
            e.setDropCompleted(zip.isPresent());
            e.consume();
        });
        return scene;
    }

    /** Ctrl+F: find in the conversation when the focus is in the detail, else search the list. */
    private void find(Scene scene) {
        for (javafx.scene.Node n = scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == detailView) {
                detailView.focusFind();
                return;
            }
        }
        listView.focusSearch();
    }

    /** Puts a workspace's views in place and loads its first page. */
    private void install(Workspace ws) {
        this.workspace = ws;
        listView = new GroupListView(ws.list(), zone);
        app.glow.inspector.ui.review.ReviewColumn.install(listView, ws.list(), ws.review());
        ColumnLayout.restoreAndTrack(listView.table(), settings, COLUMNS_KEY);
        detailView = new GroupDetailView(ws.detail(), zone, dialogs,
                new CostView(ws.cost(), () -> java.util.List.copyOf(ws.list().loadedRows())));
        ws.cost().visibleProperty().bind(detailView.costShownProperty());
        detailView.attachReview(ws.review(), zone);
        var bySequence = settings.get(TIMELINE_KEY);
        detailView.timelineBySequenceProperty().set(bySequence != null && bySequence.asBoolean(false));
        detailView.timelineBySequenceProperty().addListener((o, a, b) -> settings.put(TIMELINE_KEY,
                com.fasterxml.jackson.databind.node.BooleanNode.valueOf(b)));
        ws.review().messageProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty()) {
                ws.list().noticeProperty().set(b);
            }
        });
        ws.review().start();
        javafx.scene.Node left = search.wrap(ws, listView, zone);
        SplitPane split = new SplitPane(left, detailView);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        root.setCenter(notices.wrap(split));
        sourceLabel.setText(ws.source().title());
        badge.setVisible(ws.source().isDemo());
        badge.setManaged(ws.source().isDemo());
        status.textProperty().bind(ws.list().statusProperty());
        refreshServer.setDisable(!ws.source().canRefreshServer());
        bindLive(ws);
        if (stage != null) {
            stage.setTitle(TITLE + " — " + (ws.source().isDemo() ? "Demo data" : ws.source().title())
                    + (ws.source().isLive() || ws.source().isDemo() ? "" : " (offline)"));
        }
        ws.list().reload();
    }

    private Workspace boundLive;

    private void bindLive(Workspace ws) {
        if (boundLive != null) {
            follow.selectedProperty().unbindBidirectional(boundLive.live().followProperty());
        }
        boundLive = ws;
        follow.setDisable(!ws.live().isAvailable());
        follow.selectedProperty().bindBidirectional(ws.live().followProperty());
        liveStatus.textProperty().bind(ws.live().statusTextProperty());
        ws.live().statusProperty().addListener((o, a, b) -> {
            liveStatus.getStyleClass().removeIf(c -> c.startsWith("live-"));
            liveStatus.getStyleClass().add("live-" + b.name().toLowerCase());
        });
        notices.bind(ws.live().notices(), id -> ws.list().openById(id, m -> ws.list().noticeProperty().set(m)));
        ws.live().start();
    }

    private MenuBar menuBar() {
        MenuItem connect = new MenuItem("Connect to instance…");
        connect.setId("connectMenu");
        connect.setOnAction(e -> showConnectionDialog());
        MenuItem open = new MenuItem("Open group…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> showOpenGroupDialog());
        MenuItem export = new MenuItem("Export selection…");
        export.setId("exportMenu");
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.setOnAction(e -> exportSelection());
        MenuItem report = new MenuItem("Case report…");
        report.setId("caseReportMenu");
        report.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        report.setOnAction(e -> caseReport());
        MenuItem openArchive = new MenuItem("Open archive…");
        openArchive.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        openArchive.setOnAction(e -> chooseArchive());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> stage.close());
        Menu file = new Menu("File", null, connect, openArchive, open, export, report, quit);

        MenuItem reload = new MenuItem("Reload");
        reload.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        reload.setOnAction(e -> workspace.list().reload());
        MenuItem search = new MenuItem("Search");
        search.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        search.setOnAction(e -> listView.focusSearch());
        MenuItem toList = new MenuItem("Go to group list");
        toList.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN));
        toList.setOnAction(e -> listView.table().requestFocus());
        MenuItem toConversation = new MenuItem("Go to conversation");
        toConversation.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN));
        toConversation.setOnAction(e -> detailView.focusConversation());
        Menu view = new Menu("View", null, reload, search, toList, toConversation,
                app.glow.inspector.ui.compare.CompareAction.menuItem(() -> workspace, () -> stage, () -> dialogs),
                app.glow.inspector.ui.compare.CompareAction.archiveMenuItem(() -> workspace, () -> stage, () -> dialogs,
                        switcher));
        view.getItems().addAll(appearance.menuItems());

        refreshServer.setId("refreshServerMenu");
        refreshServer.setOnAction(e -> refreshServerCaches());
        Menu admin = new Menu("Admin", null, refreshServer);
        MenuItem logs = new MenuItem("Open log folder");
        logs.setId("openLogFolderMenu");
        logs.setOnAction(e -> logFolder.open(dialogs, m -> workspace.list().noticeProperty().set(m)));
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setId("shortcutsMenu");
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        keys.setOnAction(e -> dialogs.showInfo("Keyboard shortcuts",
                app.glow.inspector.ui.review.ReviewActions.shortcuts()));
        Menu help = new Menu("Help", null, keys, logs);
        help.setId("helpMenu");
        Menu review = new app.glow.inspector.ui.review.ReviewActions(app.glow.inspector.ui.review.ReviewActions.Target
                .of(() -> workspace.review(), () -> workspace.detail(), () -> detailView, () -> listView.table()),
                () -> dialogs, m -> workspace.list().noticeProperty().set(m)).menu();
        MenuBar bar = new MenuBar(file, view, review, admin, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolbar() {
        sourceLabel.setId("sourceLabel");
        sourceLabel.getStyleClass().add("source-label");
        badge.setId("demoBadge");
        badge.getStyleClass().add("demo-badge");
        badge.setTooltip(new Tooltip("A built-in Glow-compatible instance with generated data. Use File → Connect, "
                + "or set GLOW_INSTANCE_URL and GLOW_TOKEN, to inspect a real instance."));
        Button connect = new Button("Connect…", new FontIcon(Feather.LINK));
        connect.setOnAction(e -> showConnectionDialog());
        connect.setTooltip(new Tooltip("Connect to another Glow instance, or back to the demo"));
        Button open = new Button("Open group…", new FontIcon(Feather.LOG_IN));
        open.setId("openGroupButton");
        open.setTooltip(new Tooltip("Open a group by id or audit link (Ctrl+L)"));
        open.setOnAction(e -> showOpenGroupDialog());
        Button refresh = new Button("Reload", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("reloadButton");
        refresh.setTooltip(new Tooltip("Reload the group list from the first page (F5)"));
        refresh.setOnAction(e -> workspace.list().reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        follow.setId("followLive");
        follow.setTooltip(new Tooltip("Follow live generation events: progress in the list, new runs as they are saved"));
        liveStatus.setId("liveStatus");
        liveStatus.getStyleClass().add("live-status");
        return new ToolBar(sourceLabel, badge, follow, liveStatus, spacer, open, connect, refresh, notices.bell());
    }

    /** The selected groups, or the open one: what Ctrl+E exports. */
    java.util.List<String> exportIds() {
        var ids = new java.util.ArrayList<String>();
        workspace.list().selection().forEach(r -> ids.add(r.groupId()));
        if (ids.isEmpty() && workspace.list().openedProperty().get() != null) {
            ids.add(workspace.list().openedProperty().get().groupId());
        }
        return ids;
    }

    void exportSelection() {
        Workspace ws = workspace;
        new app.glow.inspector.ui.export.ExportController(ws.list().runner(), dialogs, ws.review().store()).start(ws.source(), exportIds(),
                stage,
                msg -> ws.list().noticeProperty().set(msg));
    }

    /** File → Case report…: the selected groups (or the open one) with their reviews, as one HTML file. */
    void caseReport() {
        app.glow.inspector.ui.review.CaseReportFlow.start(workspace, exportIds(), dialogs, zone);
    }

    private void chooseArchive() {
        dialogs.chooseFileToOpen("Open an exported archive", new DialogService.FileType("Glow export (ZIP)", "*.zip"))
                .ifPresent(this::openArchive);
    }

    /** Opens an archive as the data source (checked first; a hostile one is refused with the reason). */
    public void openArchive(java.nio.file.Path file) {
        status.textProperty().unbind();
        status.setText("Checking " + file.getFileName() + "…");
        switcher.openArchive(file, ws -> {
            Workspace old = workspace;
            install(ws);
            old.close();
        }, t -> {
            status.textProperty().bind(workspace.list().statusProperty());
            dialogs.showError("This archive cannot be opened", ErrorText.of(t));
        });
    }

    void showOpenGroupDialog() {
        dialogs.askText("Open group", "Paste a group id, or any text or link that contains one.", "openGroupField")
                .ifPresent(text -> workspace.list().openById(text, message -> workspace.list().noticeProperty()
                        .set(message)));
    }

    void showConnectionDialog() {
        ConnectionDialog.Choice pre = switcher.prefill();
        ConnectionDialog d = new ConnectionDialog(pre == null ? null : pre.url(), pre == null ? null : pre.token(),
                switcher::test);
        d.initOwner(stage);
        d.showAndWait().ifPresent(this::switchTo);
    }

    /** Opens another instance (or the demo); the current one stays until the new one is ready. */
    public void switchTo(ConnectionDialog.Choice choice) {
        status.textProperty().unbind();
        status.setText("Connecting…");
        switcher.open(choice, ws -> {
            Workspace old = workspace;
            install(ws);
            old.close();
        }, t -> {
            status.textProperty().bind(workspace.list().statusProperty());
            dialogs.showError("Could not open that instance", ErrorText.of(t));
        });
    }

    void refreshServerCaches() {
        Workspace ws = workspace;
        ws.list().noticeProperty().set("Asking the server to refresh its caches…");
        ws.list().runner().submit(c -> {
            ws.source().refreshServer(null, c);
            return true;
        }, ok -> {
            ws.list().noticeProperty().set("Server caches refreshed.");
            ws.list().reload();
        }, t -> ws.list().noticeProperty().set("Refresh failed: " + ErrorText.of(t)));
    }

    /** Shows the window on {@code stage} and loads the first page. */
    public void show(Stage stage) {
        this.stage = stage;
        stage.setTitle(TITLE + " — " + (workspace.source().isDemo() ? "Demo data" : workspace.source().title()));
        java.util.List<Image> icons = new java.util.ArrayList<>();
        for (int size : ICON_SIZES) {
            var url = MainWindow.class.getResource("/app/glow/inspector/icons/glow-inspector-" + size + ".png");
            if (url != null) {
                icons.add(new Image(url.toExternalForm()));
            }
        }
        stage.getIcons().setAll(icons);
        stage.setScene(createScene());
        stage.setOnHidden(e -> {
            closeSearch();
            workspace.close();
        });
        stage.show();
    }
}
