package app.glow.inspector.api;

import app.glow.inspector.source.Cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GroupsQuery;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorAndRetryTest extends MockServerSupport {

    @ParameterizedTest
    @CsvSource({"400,invalid_request", "401,unauthorized", "403,forbidden", "404,not_found"})
    void clientErrorsAreReportedAndNeverRetried(int status, String code) {
        server.enqueue(error(status, code, "nope: " + code));
        server.enqueue(json(200, ContractSamples.LEAN));
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> client.resolveGroup("g", Cancellation.none()));
        assertEquals(GlowApiException.Kind.HTTP, e.kind());
        assertEquals(status, e.status());
        assertEquals(code, e.code());
        assertEquals("nope: " + code, e.getMessage());
        assertFalse(e.isRetryable());
        assertEquals(1, server.getRequestCount(), "no retry on " + status);
    }

    @Test
    void serverErrorsCarryTheirCode() {
        server.enqueue(error(500, "internal", "boom"));
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> client.resolveGroup("g", Cancellation.none()));
        assertEquals("internal", e.code());
        assertEquals("HTTP 500 internal: boom", e.describe());
    }

    @Test
    void anHtmlProxyPageGivesAReadableError() {
        String html = "<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>"
                + "<body><h1>Bad Gateway</h1><p>The proxy could not reach upstream.</p></body></html>";
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(html)
                    .build());
        }
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> client.groups(GroupsQuery.firstPage(5), Cancellation.none()));
        assertEquals(502, e.status());
        assertEquals(4, server.getRequestCount(), "502 is retried up to the attempt limit");
        assertTrue(e.getMessage().contains("HTTP 502"), e.getMessage());
        assertTrue(e.getMessage().contains("Bad Gateway The proxy could not reach upstream."), e.getMessage());
        assertFalse(e.getMessage().contains("<"), "no markup in the message: " + e.getMessage());
        assertFalse(e.getMessage().contains("color:red"), e.getMessage());
        assertNotNull(e.bodyExcerpt());
    }

    @Test
    void emptyErrorBodyIsStillAnError() {
        server.enqueue(new MockResponse.Builder().code(418).build());
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> client.resolveGroup("g", Cancellation.none()));
        assertEquals(418, e.status());
        assertTrue(e.getMessage().contains("empty body"), e.getMessage());
    }

    @Test
    void truncatedJsonIsAMalformedResponse() {
        server.enqueue(json(200, "{\"groups\": [{\"group_id\": \"a\", \"cost\": 0.1}, {\"group_"));
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> client.groups(GroupsQuery.firstPage(5), Cancellation.none()));
        assertEquals(GlowApiException.Kind.MALFORMED_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("/system/groups"), e.getMessage());
        assertTrue(e.bodyExcerpt().startsWith("{\"groups\""), e.bodyExcerpt());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anHtmlPageWith200IsMalformedNotAStackTrace() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html><body>Sign in to continue</body></html>")
                .build());
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> client.resolveGroup("g", Cancellation.none()));
        assertEquals(GlowApiException.Kind.MALFORMED_RESPONSE, e.kind());
        assertEquals("Sign in to continue", e.bodyExcerpt());
    }

    @Test
    void retryHonoursRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                .body("{\"error\": {\"code\": \"rate_limited\", \"message\": \"slow down\"}}").build());
        server.enqueue(json(200, ContractSamples.LEAN));
        long t0 = System.nanoTime();
        var id = client.resolveGroup("4f1c", Cancellation.none());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(id.groupExists());
        assertEquals(2, server.getRequestCount());
        assertTrue(ms >= 950, "waited only " + ms + " ms despite Retry-After: 1");
    }

    @Test
    void retryAfterBeyondTheBudgetGivesUpAtOnceWithTheServersAdvice() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600")
                .body("{\"error\": {\"code\": \"rate_limited\", \"message\": \"later\"}}").build());
        long t0 = System.nanoTime();
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> client.resolveGroup("g", Cancellation.none()));
        assertTrue((System.nanoTime() - t0) < TimeUnit.SECONDS.toNanos(2));
        assertEquals("rate_limited", e.code());
        assertEquals(Duration.ofHours(1), e.retryAfter());
    }

    @Test
    void transientFailuresAreRetriedThenSucceed() throws Exception {
        server.enqueue(error(503, "unavailable", "warming up"));
        server.enqueue(new MockResponse.Builder().code(504).build());
        server.enqueue(json(200, ContractSamples.LEAN));
        assertTrue(client.resolveGroup("g", Cancellation.none()).groupExists());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void givesUpInBoundedTimeWhenTheServerNeverRecovers() {
        for (int i = 0; i < 50; i++) {
            server.enqueue(error(503, "unavailable", "down"));
        }
        GlowClient patient = clientWith(new RetryPolicy(50, Duration.ofMillis(100), Duration.ofMillis(400),
                Duration.ofMillis(1500)));
        long t0 = System.nanoTime();
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> patient.resolveGroup("g", Cancellation.none()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, e.status());
        assertTrue(ms < 3000, "took " + ms + " ms, over the 1.5 s budget");
        assertTrue(server.getRequestCount() < 50, "attempts were bounded by time: " + server.getRequestCount());
    }

    @Test
    void connectionFailuresAreRetriedAndReportedClearly() throws Exception {
        String url = server.url("/").toString();
        server.close();
        GlowClient c = new GlowClient(GlowConnection.of(url, TOKEN), GlowHttp.newClient(), GlowJson.newMapper(),
                FAST_RETRY);
        GlowApiException e = assertThrows(GlowApiException.class, () -> c.resolveGroup("g", Cancellation.none()));
        assertEquals(GlowApiException.Kind.CONNECTION, e.kind());
        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("The connection failed while connecting to"), e.getMessage());
    }

    @Test
    void cancellationStopsASlowCallQuickly() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(20, TimeUnit.SECONDS)
                .body(ContractSamples.LEAN).build());
        Cancellation c = new Cancellation();
        var timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(c::cancel, 200, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            GlowApiException e = assertThrows(GlowApiException.class, () -> client.resolveGroup("g", c));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(GlowApiException.Kind.CANCELLED, e.kind());
            assertTrue(ms < 5000, "cancel took " + ms + " ms");
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void cancellationEndsARetryWait() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "5")
                .body("{\"error\": {\"code\": \"rate_limited\", \"message\": \"wait\"}}").build());
        Cancellation c = new Cancellation();
        var timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(c::cancel, 300, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            GlowApiException e = assertThrows(GlowApiException.class, () -> client.resolveGroup("g", c));
            assertEquals(GlowApiException.Kind.CANCELLED, e.kind());
            assertTrue((System.nanoTime() - t0) < TimeUnit.SECONDS.toNanos(3));
        } finally {
            timer.shutdownNow();
        }
    }
}
