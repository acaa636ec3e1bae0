package app.glow.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CliFaultsTest {
    MockWebServer server;
    Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        env = Map.of("GLOW_INSTANCE_URL", server.url("/").toString(), "GLOW_TOKEN", "t0k3n-for-tests");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a429IsRetriedAfterRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                .body("{\"error\": {\"code\": \"rate_limited\", \"message\": \"slow down\"}}").build());
        server.enqueue(new MockResponse.Builder().code(200).body("{\"refreshed\": true}").build());
        CliRun r = CliRun.run(env, "system", "refresh");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void a404IsExitOneWithStatusCodeAndMessage() {
        server.enqueue(new MockResponse.Builder().code(404)
                .body("{\"error\": {\"code\": \"not_found\", \"message\": \"No such upload.\"}}").build());
        CliRun r = CliRun.run(env, "system", "text_download", "--body", "{\"text_upload_id\": \"t\"}");
        assertEquals(1, r.exit());
        assertEquals("glow: HTTP 404 not_found: No such upload.\n", r.err());
    }

    @Test
    void anUnreachableInstanceIsExitOne() {
        String url = server.url("/").toString();
        server.close();
        CliRun r = CliRun.run(Map.of("GLOW_INSTANCE_URL", url, "GLOW_TOKEN", "t"), "system", "groups");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("glow: The connection failed while connecting to"), r.err());
        assertTrue(r.err().lines().count() == 1, r.err());
    }
}
