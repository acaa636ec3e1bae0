package app.glow.inspector.api;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared setup: a MockWebServer on loopback and a client pointed at it. */
abstract class MockServerSupport {
    static final String TOKEN = "test-token-0123456789abcdefghij";
    static final RetryPolicy FAST_RETRY =
            new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(10));

    MockWebServer server;
    GlowClient client;

    @org.junit.jupiter.api.BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start();
        client = clientWith(FAST_RETRY);
    }

    @org.junit.jupiter.api.AfterEach
    void stopServer() {
        server.close();
    }

    GlowClient clientWith(RetryPolicy policy) {
        return new GlowClient(GlowConnection.of(server.url("/").toString(), TOKEN), GlowHttp.newClient(),
                GlowJson.newMapper(), policy);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body)
                .build();
    }

    static MockResponse error(int code, String errorCode, String message) {
        return json(code, "{\"error\": {\"code\": \"" + errorCode + "\", \"message\": \"" + message + "\"}}");
    }
}
