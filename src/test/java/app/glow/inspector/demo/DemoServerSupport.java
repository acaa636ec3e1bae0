package app.glow.inspector.demo;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One demo instance per test class (no live timer), and a client for it. */
abstract class DemoServerSupport {
    static DemoServer server;
    static GlowClient client;

    @BeforeAll
    static void startDemo() throws Exception {
        server = DemoServer.start(DemoServer.Options.defaults().withLive(0, 200));
        client = new GlowClient(GlowConnection.of(server.url(), server.token()), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
    }

    @AfterAll
    static void stopDemo() {
        server.close();
    }
}
