package app.glow.inspector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.hostile.RawServer;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile servers against the client, each with a deadline: an endless or huge JSON body, a
 * truncated or non-JSON 200, a server that trickles. Each must end in a clear refusal (or the
 * right result), never a hang or an out-of-memory error; run with -Xmx256m to prove the caps hold.
 */
class HostileHttpTest {
    static final String TOKEN = "glw_H0st1leT3stT0ken_abcdef";

    @org.junit.jupiter.api.BeforeAll
    static void sayTheHeap() {
        // the caps are meant to hold in a small heap: the report shows which one this run had
        System.out.println("HostileHttpTest max heap: " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    }

    static GlowClient client(String url, HttpLimits limits) {
        return new GlowClient(GlowConnection.of(url, TOKEN), GlowHttp.newClient(limits), GlowJson.newMapper(),
                RetryPolicy.NONE, limits);
    }

    /** A chunked 200 JSON answer with no Content-Length that never ends (whitespace after "{"). */
    static RawServer endlessJson() throws Exception {
        return new RawServer((head, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            RawServer.chunk(out, "{\"groups\": [".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[64 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (long sent = 0; sent < (2L << 30); sent += spaces.length) {
                RawServer.chunk(out, spaces); // stops when the client hangs up
            }
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anEndlessChunkedJsonBodyIsRefusedAtTheCapCountedOnTheStream() throws Exception {
        try (RawServer server = endlessJson()) {
            GlowClient c = client(server.url(), HttpLimits.DEFAULT);
            GlowApiException typed = assertThrows(GlowApiException.class,
                    () -> c.groups(GroupsQuery.firstPage(10), Cancellation.none()));
            assertEquals(GlowApiException.Kind.MALFORMED_RESPONSE, typed.kind(), typed.getMessage());
            assertTrue(typed.getMessage().contains("larger than 64 MB"), typed.getMessage());
            assertTrue(typed.getMessage().contains("glow.http.maxJsonBytes"), typed.getMessage());

            GlowApiException raw = assertThrows(GlowApiException.class,
                    () -> c.postRaw("/system/groups", "{}".getBytes(StandardCharsets.UTF_8), Cancellation.none()));
            assertTrue(raw.getMessage().contains("larger than 64 MB"), raw.getMessage());
            assertFalse(raw.isRetryable(), "the same server would send the same body again");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theCapIsConfigurable() throws Exception {
        try (RawServer server = endlessJson()) {
            GlowClient c = client(server.url(), HttpLimits.DEFAULT.withMaxJsonBytes(1 << 20));
            GlowApiException e = assertThrows(GlowApiException.class,
                    () -> c.groups(GroupsQuery.firstPage(10), Cancellation.none()));
            assertTrue(e.getMessage().contains("larger than 1 MB"), e.getMessage());
        }
        System.setProperty(HttpLimits.MAX_JSON_PROPERTY, "12345");
        try {
            assertEquals(12345, HttpLimits.fromSystemProperties().maxJsonBytes());
        } finally {
            System.clearProperty(HttpLimits.MAX_JSON_PROPERTY);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aDeclaredLengthPastTheCapIsRefusedBeforeReading() throws Exception {
        try (RawServer server = new RawServer((head, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + (1L << 40) + "\r\n\r\n{");
            Thread.sleep(60_000);
        })) {
            GlowClient c = client(server.url(), HttpLimits.DEFAULT);
            GlowApiException e = assertThrows(GlowApiException.class,
                    () -> c.postRaw("/system/groups", new byte[] {'{', '}'}, Cancellation.none()));
            assertTrue(e.getMessage().contains("larger than 64 MB"), e.getMessage());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aTruncatedOrNonJson200IsAnErrorNotAnAnswer() throws Exception {
        String[] bodies = {"{\"groups\": [{\"group_id\": \"g1\"}", "<html><body>Welcome " + TOKEN + "</body></html>",
            "{\"groups\": []} trailing", ""};
        for (String body : bodies) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (RawServer server = new RawServer((head, out) -> {
                RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + bytes.length + "\r\n\r\n");
                out.write(bytes);
            })) {
                GlowClient c = client(server.url(), HttpLimits.DEFAULT);
                GlowApiException e = assertThrows(GlowApiException.class,
                        () -> c.postRaw("/system/groups", new byte[] {'{', '}'}, Cancellation.none()), body);
                assertEquals(GlowApiException.Kind.MALFORMED_RESPONSE, e.kind(), body);
                assertTrue(e.getMessage().contains("not complete JSON"), e.getMessage());
                assertNoToken(e);
                GlowApiException typed = assertThrows(GlowApiException.class,
                        () -> c.groups(GroupsQuery.firstPage(10), Cancellation.none()), body);
                assertNoToken(typed);
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aServerThatTricklesMeetsTheOverallDeadline() throws Exception {
        try (RawServer server = new RawServer((head, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
            for (int i = 0; i < 1000; i++) {
                out.flush();
                Thread.sleep(300); // far inside the read timeout, so only a deadline ends the call
                RawServer.write(out, " ");
            }
        })) {
            GlowClient c = new GlowClient(GlowConnection.of(server.url(), TOKEN),
                    GlowHttp.newClient(HttpLimits.DEFAULT.withDeadline(Duration.ofSeconds(2))), GlowJson.newMapper(),
                    MockServerSupport.FAST_RETRY);
            long t0 = System.nanoTime();
            GlowApiException e = assertThrows(GlowApiException.class,
                    () -> c.groups(GroupsQuery.firstPage(10), Cancellation.none()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("deadline_exceeded", e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("within 2 s"), e.getMessage());
            assertTrue(ms < 6_000, "took " + ms + " ms");
            assertEquals(1, server.requestCount(), "a deadline is not retried");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void downloadsToAFileMeetTheDeadlineButStreamedMediaDoesNot() throws Exception {
        RawServer.Handler slow = (head, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: video/mp4\r\n"
                    + "Content-Length: 12\r\n\r\n");
            for (int i = 0; i < 12; i++) {
                out.flush();
                Thread.sleep(250); // three seconds in all, longer than the deadline below
                out.write('v');
            }
        };
        try (RawServer server = new RawServer(slow)) {
            GlowClient c = new GlowClient(GlowConnection.of(server.url(), TOKEN),
                    GlowHttp.newClient(HttpLimits.DEFAULT.withDeadline(Duration.ofSeconds(1))), GlowJson.newMapper(),
                    RetryPolicy.NONE);
            // playback through the media bridge reads a stream for as long as the film lasts
            try (MediaStream s = c.openDownload(MediaKind.VIDEO, "v-1", null, Cancellation.none())) {
                assertEquals("vvvvvvvvvvvv", new String(s.body().readAllBytes(), StandardCharsets.US_ASCII));
            }
            // a download to a file is one bounded call
            GlowApiException e = assertThrows(GlowApiException.class, () -> c.download(MediaKind.VIDEO, "v-1", null,
                    OutputStream.nullOutputStream(), Cancellation.none()));
            assertEquals("deadline_exceeded", e.code(), e.getMessage());
            assertEquals(2, server.requestCount(), "not resumed after the deadline");
        }
    }

    static void assertNoToken(GlowApiException e) {
        for (String text : new String[] {e.getMessage(), e.code(), e.bodyExcerpt(), e.describe(), e.userMessage()}) {
            if (text != null) {
                assertFalse(text.contains(TOKEN), text);
                assertFalse(text.contains(TOKEN.substring(4, 16)), text);
            }
        }
    }
}
