package app.glow.inspector.app.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The token never reaches the log file, whichever way a line came to carry it. */
class LogFileRedactionTest {
    private static final String TOKEN = "glw_Zk3rT9uQp2LmX8vN4aB7";
    private static final Logger log = LoggerFactory.getLogger(LogFileRedactionTest.class);

    @AfterEach
    void restoreTestLogging() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        new ContextInitializer(ctx).autoConfig();
    }

    @Test
    void theTokenNeverReachesTheLogFile(@TempDir Path state) throws Exception {
        Path folder = LogSetup.folder(Map.of("XDG_STATE_HOME", state.toString()));
        LogRedactor redactor = new LogRedactor();
        Path file = LogSetup.install(folder, redactor, false);
        try (MockWebServer server = new MockWebServer()) {
            // a hostile or buggy server that echoes the request's credentials in its error
            server.enqueue(new MockResponse.Builder().code(500)
                    .body("{\"error\":{\"code\":\"bad " + TOKEN + "\",\"message\":\"Authorization: Bearer "
                            + TOKEN + "\"}}").build());
            server.start();
            GlowConnection connection = GlowConnection.of(server.url("/").toString(), TOKEN);
            redactor.add(connection::redact);
            GlowClient client = new GlowClient(connection, GlowHttp.newClient(), GlowJson.newMapper(),
                    RetryPolicy.NONE);
            SourceException failure = assertThrows(SourceException.class,
                    () -> client.groups(GroupsQuery.firstPage(1), Cancellation.none()));
            log.warn("loading the groups failed", failure);
        }
        log.info("connecting with the header Authorization: Bearer {}", TOKEN);
        log.info("raw token in a message: {}", TOKEN);
        log.error("failure", new IllegalStateException("token=" + TOKEN + " rejected"));
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();

        String written = Files.readString(file);
        assertTrue(written.contains("loading the groups failed"), written);
        assertTrue(written.contains("raw token in a message"), written);
        assertFalse(written.contains(TOKEN), "the token reached the log file:\n" + written);
        assertFalse(written.contains(TOKEN.substring(4, 16)), written);
        assertTrue(file.startsWith(state.resolve("glow-inspector").resolve("logs")));
    }

    @Test
    void tokenShapesAreMaskedEvenWhenTheSecretIsUnknown() {
        LogRedactor r = new LogRedactor();
        assertFalse(r.redact("Authorization: Bearer abc.def-123").contains("abc.def-123"));
        assertFalse(r.redact("{\"token\": \"s3cr3t-value\"}").contains("s3cr3t-value"));
        assertFalse(r.redact("url?token=s3cr3t-value&x=1").contains("s3cr3t-value"));
        assertTrue(r.redact("tokens used: 1,234").contains("1,234"), "ordinary text is left alone");
    }
}
