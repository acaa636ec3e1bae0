package app.glow.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against servers that loop, truncate, or echo the token: exit 1 with a clean line, never a hang. */
@Timeout(30)
class CliHostileServerTest {
    static final String TOKEN = "glwCliH0stileToken0123456789";
    MockWebServer server;
    Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        env = Map.of("GLOW_INSTANCE_URL", server.url("/").toString(), "GLOW_TOKEN", TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static MockResponse page(String groupId, String next) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"groups\": [{\"group_id\": \"" + groupId + "\"}], \"next_page_token\": "
                        + (next == null ? "null" : "\"" + next + "\"") + "}").build();
    }

    @Test
    void allPagesStopsWhenTheServerRepeatsAPageToken() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String body = r.getBody() == null ? "" : r.getBody().utf8();
                // p1 -> p2 -> p1 -> p2 ... for ever
                return body.contains("\"p1\"") ? page("b", "p2") : page("a", "p1");
            }
        });
        CliRun r = CliRun.run(env, "system", "groups", "--all-pages");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("already sent"), r.err());
        assertEquals(3, server.getRequestCount());
        assertEquals(3, r.text().lines().count(), r.text());
    }

    @Test
    void allPagesStopsAfterMaxPagesWhenTokensNeverEnd() {
        server.setDispatcher(new Dispatcher() {
            private int n;

            @Override
            public synchronized MockResponse dispatch(RecordedRequest r) {
                n++;
                return page("g" + n, "fresh-" + n);
            }
        });
        CliRun r = CliRun.run(env, "system", "groups", "--all-pages", "--max-pages", "5");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("--max-pages"), r.err());
        assertEquals(5, server.getRequestCount());
    }

    @Test
    void aStartingTokenThatComesBackIsARepeatToo() {
        server.enqueue(page("a", "start"));
        CliRun r = CliRun.run(env, "system", "groups", "--all-pages", "--body", "{\"page_token\": \"start\"}");
        assertEquals(1, r.exit(), r.err());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aTruncatedOrNonJson200IsExitOneInPlainMode() {
        for (String body : new String[] {"{\"groups\": [", "<html>maintenance</html>", "{} {}"}) {
            server.enqueue(new MockResponse.Builder().code(200).body(body).build());
            CliRun r = CliRun.run(env, "system", "groups");
            assertEquals(1, r.exit(), body + " -> " + r.err());
            assertTrue(r.err().contains("not complete JSON"), r.err());
            assertEquals(0, r.out().length, "nothing printed for a broken answer");
        }
    }

    @Test
    void theTokenFromATokenFileNeverReachesStandardError(@TempDir Path dir) throws Exception {
        String fileToken = "glwFromAF1leToken9876543210";
        Path tf = dir.resolve("token");
        Files.writeString(tf, fileToken + "\n", StandardCharsets.UTF_8);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html>hello " + fileToken + "</html>").build());
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"error\": {\"code\": \"x" + fileToken + "\", \"message\": \"Bearer " + fileToken + "\"}}")
                .build());
        Map<String, String> noEnvToken = Map.of("GLOW_INSTANCE_URL", server.url("/").toString());
        for (int i = 0; i < 2; i++) {
            CliRun r = CliRun.run(noEnvToken, "system", "groups", "--token-file", tf.toString());
            assertEquals(1, r.exit(), r.err());
            assertFalse(r.err().contains(fileToken), r.err());
            assertFalse(r.err().contains(fileToken.substring(3, 15)), r.err());
            assertTrue(r.err().contains("[redacted]"), r.err());
            assertTrue(r.err().contains(i == 0 ? "hello" : "HTTP 400"), r.err());
        }
    }

    @Test
    void theErrorCodeEchoingTheEnvironmentTokenIsRedacted() {
        server.enqueue(new MockResponse.Builder().code(404)
                .body("{\"error\": {\"code\": \"" + TOKEN + "\", \"message\": \"no\"}}").build());
        CliRun r = CliRun.run(env, "system", "text_download", "--body", "{\"text_upload_id\": \"t\"}");
        assertEquals(1, r.exit());
        assertEquals("glow: HTTP 404 [redacted]: no\n", r.err());
    }

    @Test
    void aNameThatOnlyLooksLikeLoopbackIsRefusedNamingTheOverride() {
        for (String url : new String[] {"http://127.example.test", "http://127.0.0.1.nip.io"}) {
            CliRun r = CliRun.run(Map.of("GLOW_TOKEN", TOKEN), "system", "groups", "--url", url);
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("--allow-insecure-http"), r.err());
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void demoServerHelpNamesOnlyOptionsThatExist() {
        CliRun help = CliRun.run(Map.of(), "demo-server", "--help");
        assertEquals(0, help.exit());
        String text = help.text();
        assertFalse(text.contains("--print-env"), text);
        var spec = GlowCli.commandLine(new CliContext(System.in, System.out, System.err, Map.of(), false))
                .getSubcommands().get("demo-server").getCommandSpec();
        Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(text);
        while (m.find()) {
            assertTrue(spec.findOption(m.group()) != null, "help mentions " + m.group() + ":\n" + text);
        }
    }
}
