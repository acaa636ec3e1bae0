package app.glow.inspector.app;

import app.glow.inspector.archive.ArchiveSource;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.app.logging.LogRedactor;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.review.ReviewDatabase;
import app.glow.inspector.review.ReviewException;
import app.glow.inspector.review.ReviewStore;
import app.glow.inspector.review.SqliteReviewStore;
import app.glow.inspector.ui.review.ReviewViewModel;
import app.glow.inspector.service.CachingGroupSource;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.WindowCache;
import app.glow.inspector.ui.AppState;
import app.glow.inspector.service.PricingBook;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.settings.Settings;
import app.glow.inspector.settings.TokenStore;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.MainWindow;
import app.glow.inspector.ui.Workspace;
import app.glow.inspector.ui.WorkspaceSwitcher;
import app.glow.inspector.ui.connection.ConnectionDialog;
import app.glow.inspector.ui.cost.CostViewModel;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.detail.MessageRendering;
import app.glow.inspector.ui.groups.GroupListViewModel;
import app.glow.inspector.ui.detail.media.MediaController;
import app.glow.inspector.ui.live.LiveViewModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/** The one place objects are created and connected (constructor injection everywhere else). */
public final class AppWiring implements WorkspaceSwitcher, AutoCloseable {
    private final AppConfig config;
    private final Map<String, String> env;
    private final OkHttpClient http = GlowHttp.newClient();
    private final ObjectMapper mapper = GlowJson.newMapper();
    private final ExecutorService background;
    private final ExecutorService bulk;
    /** Detail windows of every source opened in this session, bounded; shared by every view. */
    private final WindowCache windows = new WindowCache();
    private final AtomicInteger sourceCounter = new AtomicInteger();
    private final BackgroundRunner runner;
    private final MessageRendering rendering;
    private final Settings settings;
    private final TokenStore tokens;
    private final ZoneId zone = ZoneId.systemDefault();
    private final MainWindow mainWindow;
    private final LogRedactor redactor;
    private final ReviewStore reviews;
    private String reviewProblem;
    /** Review writes, one at a time and in order (a flag, then its removal, never the reverse). */
    private final ExecutorService reviewLane = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "glow-review");
        t.setDaemon(true);
        return t;
    });
    private final BackgroundRunner reviewWrites;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppWiring.class);
    private String startProblem;

    private AppWiring(AppConfig config, Map<String, String> env, Executor fx, Path configFolder, LogRedactor redactor,
                      Path reviewDb) throws IOException {
        this.config = config;
        this.redactor = redactor;
        redactor.addSecret(env.get(GlowConnection.ENV_TOKEN));
        this.env = env;
        AtomicInteger n = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "glow-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger b = new AtomicInteger();
        // long sweeps (tool-call index, cost breakdowns, audits) never queue in front of what a person waits for
        this.bulk = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "glow-bulk-" + b.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        this.runner = new BackgroundRunner(background, bulk, fx);
        this.reviewWrites = new BackgroundRunner(reviewLane, fx);
        this.settings = new Settings(configFolder.resolve("settings.json"));
        this.rendering = new MessageRendering(settings);
        this.reviews = openReviews(reviewDb);
        this.tokens = new TokenStore(configFolder.resolve("connection.json"));
        Workspace first = config.archive() != null ? workspace(startArchive(config.archive()))
                : workspace(config.isDemo() ? ConnectionDialog.Choice.demoChoice() : null, config.connection());
        this.mainWindow = new MainWindow(first, this, settings, zone, new app.glow.inspector.ui.Appearance(settings, env,
                rendering));
        mainWindow.useSearch(new app.glow.inspector.search.SearchIndexes(
                app.glow.inspector.search.SearchIndexes.defaultRoot(env)));
    }

    /**
     * The archive named at start, or (refused, missing, a folder or a pipe) an empty window and
     * the reason, shown once the window is up: never a stack trace instead of a window.
     */
    private GroupSource startArchive(Path file) {
        try {
            return ArchiveSource.open(file);
        } catch (app.glow.inspector.archive.ArchiveException e) {
            LOG.warn("the archive given at start was refused: {}", e.getMessage());
            startProblem = "The archive given with --archive could not be opened. " + e.getMessage();
            return new app.glow.inspector.service.NothingOpen();
        }
    }

    /** Connects to the configured instance or starts the demo; no JavaFX toolkit needed yet. */
    public static AppWiring create(AppConfig config, Executor fx, LogRedactor redactor) throws IOException {
        return new AppWiring(config, System.getenv(), fx, Settings.defaultFolder(System.getenv()), redactor,
                ReviewDatabase.defaultPath(System.getenv()));
    }

    public static AppWiring create(AppConfig config, Executor fx, Map<String, String> env, Path configFolder)
            throws IOException {
        // an explicit settings folder (tests, portable use) keeps the review database beside the settings
        return new AppWiring(config, env, fx, configFolder, new LogRedactor(), configFolder.resolve("reviews.db"));
    }

    private Workspace workspace(ConnectionDialog.Choice choice, GlowConnection connection) throws IOException {
        if (choice == null && connection == null) {
            throw new IOException("nothing to open");
        }
        GroupSource source;
        if (choice != null && choice.demo()) {
            DemoServer demo = DemoServer.start(DemoServer.Options.defaults().withGroups(config.demoGroups())
                    .withLive(config.demoLiveStepMillis(), 15_000));
            GlowClient client = client(GlowConnection.of(demo.url(), demo.token()), RetryPolicy.DEFAULT);
            source = new RemoteSource(client, "Demo instance (" + demo.url() + ")", true, demo);
        } else {
            GlowClient client = client(connection, RetryPolicy.DEFAULT);
            source = new RemoteSource(client, connection.baseUrl().host(), false, null);
        }
        return workspace(source);
    }

    /** Every client goes through here, so its token is known to the log filter before any call. */
    private GlowClient client(GlowConnection connection, RetryPolicy retry) {
        redactor.add(connection::redact);
        return new GlowClient(connection, http, mapper, retry);
    }

    private Workspace workspace(GroupSource raw) {
        if (raw instanceof ArchiveSource archive) {
            importReviews(archive); // off the FX thread: both callers run in the background or at start
        }
        CachingGroupSource source = new CachingGroupSource(raw, windows, "source-" + sourceCounter.incrementAndGet());
        AppState state = new AppState(runner, source);
        ResourceNames names = new ResourceNames();
        PricingBook pricing = new PricingBook();
        GroupListViewModel list = new GroupListViewModel(source, runner, state, names, pricing, zone);
        GroupDetailViewModel detail = new GroupDetailViewModel(source, runner, state, names, new TextLoader(source),
                new MediaController(source, runner), rendering);
        ReviewViewModel review = new ReviewViewModel(source, reviews, reviewWrites, state,
                () -> mainWindow.reviewerName(), java.time.Clock.systemUTC());
        return new Workspace(source, state, list, detail, new CostViewModel(source, runner, state, names, pricing),
                new LiveViewModel(source, runner, list, detail, zone, new app.glow.inspector.ui.notify.NotificationCenter()),
                review);
    }

    public MainWindow mainWindow() {
        return mainWindow;
    }

    public GroupSource source() {
        return mainWindow.workspace().source();
    }

    /** Markdown or plain message text, one choice for every workspace; how approved links open. */
    public MessageRendering rendering() {
        return rendering;
    }

    public Settings settings() {
        return settings;
    }

    /** A configuration problem (or a refused start archive) to show once the window is up, or null. */
    public String problem() {
        String first = startProblem != null ? startProblem : config.problem();
        if (reviewProblem != null) {
            return first == null ? reviewProblem : first + "\n\n" + reviewProblem;
        }
        return first;
    }

    /** The heading for {@link #problem()}. */
    public String problemTitle() {
        if (startProblem != null) {
            return "Archive not opened";
        }
        return config.problem() != null || reviewProblem == null ? "Connection settings" : "Reviews";
    }

    /** Files the reviews an archive carries under its key; once only, whatever the number of opens. */
    private void importReviews(ArchiveSource archive) {
        try {
            var r = app.glow.inspector.review.ReviewImport.importFrom(archive, reviews);
            org.slf4j.LoggerFactory.getLogger(AppWiring.class).info("Archive reviews: {} carried, {} new", r.carried(),
                    r.added());
        } catch (ReviewException | app.glow.inspector.source.SourceException e) {
            // the archive still opens; its reviews are missing and the user is told why
            org.slf4j.LoggerFactory.getLogger(AppWiring.class).error("Could not import the archive's reviews", e);
            reviewProblem = "The reviews in this archive could not be imported: " + e.getMessage();
        }
    }

    /** The review database; when it cannot be used, a session-only one and a problem to show. */
    private ReviewStore openReviews(Path db) throws IOException {
        try {
            return SqliteReviewStore.open(db);
        } catch (ReviewException e) {
            org.slf4j.LoggerFactory.getLogger(AppWiring.class).error("Review database {} unusable", db, e);
            reviewProblem = e.getMessage() + " Reviews made now are kept only until the app closes.";
            try {
                return SqliteReviewStore.inMemory();
            } catch (ReviewException again) {
                throw new IOException("No review database could be opened: " + again.getMessage(), again);
            }
        }
    }

    @Override
    public void open(ConnectionDialog.Choice choice, Consumer<Workspace> ready, Consumer<Throwable> failed) {
        runner.submit(c -> {
            GlowConnection conn = choice.demo() ? null : choice.connection();
            if (conn != null) {
                client(conn, RetryPolicy.NONE).groups(GroupsQuery.firstPage(1), c);
                if (choice.remember()) {
                    tokens.save(new TokenStore.Saved(choice.url(), choice.token()));
                }
            }
            return workspace(choice, conn);
        }, ready, failed);
    }

    @Override
    public void openArchive(java.nio.file.Path file, Consumer<Workspace> ready, Consumer<Throwable> failed) {
        runner.submit(c -> workspace(ArchiveSource.open(file, app.glow.inspector.archive.ArchiveLimits.DEFAULT, c)),
                ready, failed);
    }

    @Override
    public GroupSource openArchiveSource(java.nio.file.Path file, app.glow.inspector.source.Cancellation c)
            throws Exception {
        return ArchiveSource.open(file, app.glow.inspector.archive.ArchiveLimits.DEFAULT, c);
    }

    @Override
    public void test(GlowConnection connection, Consumer<String> result) {
        runner.submit(c -> client(connection, RetryPolicy.NONE)
                        .groups(GroupsQuery.firstPage(1), c),
                page -> result.accept("Connected." + (page.totalCount() == null ? ""
                        : " " + String.format("%,d", page.totalCount()) + " groups.")),
                t -> result.accept(ErrorText.of(t)));
    }

    @Override
    public ConnectionDialog.Choice prefill() {
        String url = env.get(GlowConnection.ENV_URL);
        String token = env.get(GlowConnection.ENV_TOKEN);
        if (url == null) {
            TokenStore.Saved saved = tokens.load();
            if (saved != null) {
                return new ConnectionDialog.Choice(saved.url(), saved.token(), false, true, false);
            }
        }
        return new ConnectionDialog.Choice(url, token, false, false, false);
    }

    @Override
    public void close() {
        mainWindow.closeSearch();
        mainWindow.workspace().close();
        settings.flush(2_000);
        reviewLane.shutdown();
        try {
            if (!reviewLane.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS)) {
                org.slf4j.LoggerFactory.getLogger(AppWiring.class).warn("A review write was still running at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing anyway; committed writes are safe on disk
        }
        reviews.close();
        background.shutdownNow();
        bulk.shutdownNow();
        // OkHttp's dispatcher threads are not daemons: without this the JVM would linger a minute
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

}
