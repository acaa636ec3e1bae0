package app.glow.inspector.app;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.MainWindow;
import app.glow.inspector.ui.detail.GroupHeaderViewModel;
import app.glow.inspector.ui.groups.GroupListViewModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/** The one place objects are created and connected (constructor injection everywhere else). */
public final class AppWiring implements AutoCloseable {
    private final GroupSource source;
    private final ExecutorService background;
    private final MainWindow mainWindow;
    private final String problem;

    private AppWiring(GroupSource source, ExecutorService background, MainWindow mainWindow, String problem) {
        this.source = source;
        this.background = background;
        this.mainWindow = mainWindow;
        this.problem = problem;
    }

    /** Connects to the configured instance or starts the demo; no JavaFX toolkit needed yet. */
    public static AppWiring create(AppConfig config, Executor fx) throws IOException {
        OkHttpClient http = GlowHttp.newClient();
        ObjectMapper mapper = GlowJson.newMapper();
        GroupSource source;
        if (config.isDemo()) {
            DemoServer demo = DemoServer.start(DemoServer.Options.defaults().withGroups(config.demoGroups()));
            GlowClient client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), http, mapper,
                    RetryPolicy.DEFAULT);
            source = new RemoteSource(client, "Demo instance (" + demo.url() + ")", true, demo);
        } else {
            GlowClient client = new GlowClient(config.connection(), http, mapper, RetryPolicy.DEFAULT);
            source = new RemoteSource(client, config.connection().baseUrl().host(), false, null);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService background = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "glow-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BackgroundRunner runner = new BackgroundRunner(background, fx);
        ResourceNames names = new ResourceNames();
        GroupListViewModel list = new GroupListViewModel(source, runner, names);
        GroupHeaderViewModel header = new GroupHeaderViewModel(source, runner, names);
        MainWindow window = new MainWindow(source, list, header, ZoneId.systemDefault());
        return new AppWiring(source, background, window, config.problem());
    }

    public MainWindow mainWindow() {
        return mainWindow;
    }

    public GroupSource source() {
        return source;
    }

    /** A configuration problem to show once the window is up, or null. */
    public String problem() {
        return problem;
    }

    @Override
    public void close() {
        background.shutdownNow();
        source.close();
    }
}
