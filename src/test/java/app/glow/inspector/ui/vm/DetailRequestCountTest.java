package app.glow.inspector.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.CachingGroupSource;
import app.glow.inspector.service.PricingBook;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.service.WindowCache;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.ui.AppState;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.cost.CostViewModel;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.detail.media.MediaController;
import app.glow.inspector.ui.groups.GroupRow;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP to the demo instance, counting the detail requests that really leave the client:
 * opening a group and going between the conversation, the tool calls and the cost view asks the
 * server for each window once.
 */
class DetailRequestCountTest {
    private DemoServer demo;
    private final AtomicInteger detailRequests = new AtomicInteger();
    private CachingGroupSource source;

    @BeforeEach
    void start() throws Exception {
        demo = DemoServer.start(DemoServer.Options.defaults().withLive(0, 200));
        OkHttpClient http = GlowHttp.newClient().newBuilder().addInterceptor(chain -> {
            if (chain.request().url().encodedPath().endsWith("/system/group") && chain.request().body() != null) {
                Buffer b = new Buffer();
                chain.request().body().writeTo(b);
                if (b.readUtf8().contains("\"include_detail\":true")) {
                    detailRequests.incrementAndGet();
                }
            }
            return chain.proceed(chain.request());
        }).build();
        GlowClient client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), http, GlowJson.newMapper(),
                RetryPolicy.NONE);
        source = new CachingGroupSource(new RemoteSource(client, "demo", true, null), new WindowCache(), "demo");
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void eachWindowIsFetchedOnceWhateverTheTabs() throws Exception {
        GroupSummary big = source.groups(new GroupsQuery(25, null, "marathon", null, null), Cancellation.none())
                .groups().get(0);
        int windows = (int) ((big.messageCount() + GroupDetailViewModel.WINDOW - 1) / GroupDetailViewModel.WINDOW);
        assertTrue(windows > 20, "a group of many windows: " + big.messageCount());
        detailRequests.set(0);

        BackgroundRunner runner = Executors.sameThread();
        AppState state = new AppState(runner, source);
        ResourceNames names = new ResourceNames();
        GroupDetailViewModel detail = new GroupDetailViewModel(source, runner, state, names, new TextLoader(source),
                new MediaController(source, runner));
        CostViewModel cost = new CostViewModel(source, runner, state, names, new PricingBook());
        GroupRow row = new GroupRow(big, "", "", "");
        state.select(List.of(row));
        state.open(row); // the conversation's first window, then the tool-call index over every window
        assertEquals(windows, detailRequests.get(), "conversation and tool calls share the windows");
        cost.visibleProperty().set(true); // the Cost tab: runs and totals from a cached window
        assertTrue(cost.breakdownStatusProperty().get().startsWith("Cost of 1 selected group"),
                cost.breakdownStatusProperty().get());
        cost.visibleProperty().set(false);
        cost.visibleProperty().set(true);
        detail.conversation().loadWindow(7); // scrolling in the conversation
        detail.conversation().loadWindow(1);
        assertEquals(windows, detailRequests.get(), "one detail request per window, whatever was shown");
    }
}
