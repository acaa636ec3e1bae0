package app.glow.inspector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.source.Cancellation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that echoes the token wherever it can (the error code, text Jackson quotes in its
 * message, a 200 page that is not JSON, encoded forms) never gets it printed; and a name that
 * merely looks like loopback never gets the token in clear text.
 */
@Timeout(30)
class HostileRedactionTest extends MockServerSupport {
    private static final String T = MockServerSupport.TOKEN;

    private static List<String> encodings() {
        byte[] b = T.getBytes(StandardCharsets.UTF_8);
        return List.of(T, URLEncoder.encode(T, StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(b),
                Base64.getUrlEncoder().withoutPadding().encodeToString(b),
                // inside a longer base64 run at each alignment, e.g. a Basic header "user:token"
                Base64.getEncoder().encodeToString(("u:" + T).getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(("us:" + T + "!").getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(("use:" + T).getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertClean(String text) {
        if (text == null) {
            return;
        }
        assertFalse(text.contains(T.substring(0, 12)), text);
        assertFalse(text.contains(T.substring(T.length() - 12)), text);
        String b64 = Base64.getEncoder().encodeToString(T.getBytes(StandardCharsets.UTF_8));
        assertFalse(text.contains(b64.substring(4, 16)), text);
    }

    private static void assertClean(GlowApiException e) {
        for (String s : new String[] {e.getMessage(), e.code(), e.bodyExcerpt(), e.describe(), e.userMessage()}) {
            assertClean(s);
        }
    }

    @Test
    void theTokenInTheErrorCodeIsRedacted() {
        server.enqueue(error(400, "bad_" + T, "rejected"));
        GlowApiException e = assertThrows(GlowApiException.class, () -> client.resolveGroup("g", Cancellation.none()));
        assertClean(e);
        assertEquals("bad_" + Redactor.MASK, e.code());
    }

    @Test
    void everyEncodingOfTheTokenInAnErrorMessageIsRedacted() {
        for (String form : encodings()) {
            server.enqueue(error(403, "forbidden", "seen: " + form + " end"));
            GlowApiException e = assertThrows(GlowApiException.class,
                    () -> client.resolveGroup("g", Cancellation.none()));
            assertClean(e);
            assertTrue(e.getMessage().contains("end"), e.getMessage());
        }
    }

    @Test
    void jacksonsMessageQuotingTheTokenIsRedacted() {
        String token = "glwJacksonQuotesMe0123456789";
        GlowClient c = new GlowClient(GlowConnection.of(server.url("/").toString(), token), GlowHttp.newClient(),
                GlowJson.newMapper(), RetryPolicy.NONE);
        server.enqueue(json(200, "{\"groups\": " + token + "}"));
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> c.groups(GroupsQuery.firstPage(1), Cancellation.none()));
        assertEquals(GlowApiException.Kind.MALFORMED_RESPONSE, e.kind());
        assertTrue(e.getCause().getMessage().contains(token), "the hostile input must reach Jackson's message");
        assertTrue(e.getMessage().contains("Unrecognized token"), e.getMessage());
        assertFalse(e.getMessage().contains(token), e.getMessage());
        assertFalse(e.bodyExcerpt().contains(token), e.bodyExcerpt());
        server.enqueue(json(200, "{\"groups\": " + token + "}"));
        e = assertThrows(GlowApiException.class,
                () -> c.postRaw("/system/groups", new byte[] {'{', '}'}, Cancellation.none()));
        assertFalse(e.getMessage().contains(token), e.getMessage());
        assertTrue(e.getMessage().contains(Redactor.MASK), e.getMessage());
    }

    @Test
    void theExcerptOfANonJson200PageIsRedacted() {
        String page = "<html><head><title>Portal</title></head><body><p>Signed in with " + T + "</p>"
                + "<p>cookie " + Base64.getEncoder().encodeToString(T.getBytes(StandardCharsets.UTF_8))
                + "</p></body></html>";
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body(page).build());
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> client.groups(GroupsQuery.firstPage(1), Cancellation.none()));
        assertClean(e);
        assertTrue(e.bodyExcerpt().contains("Signed in with"), e.bodyExcerpt());
    }

    @Test
    void aTokenCutAtTheExcerptsEndLeavesNoVisiblePrefix() {
        String page = "x".repeat(190) + " " + T;
        server.enqueue(error(502, null, null).newBuilder().body(page).build());
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> clientWith(RetryPolicy.NONE).groups(GroupsQuery.firstPage(1), Cancellation.none()));
        assertClean(e);
        assertFalse(e.getMessage().contains(T.substring(0, 8)), e.getMessage());
    }

    @Test
    void theRedactorLeavesOrdinaryTextAlone() {
        Redactor r = Redactor.of(T);
        assertEquals("tokens used: 1,234 of 5,000", r.redact("tokens used: 1,234 of 5,000"));
        assertEquals("short", Redactor.of("abc").redact("short"), "too short a secret masks nothing");
        assertEquals("A valid bearer token is required.", r.redact("A valid bearer token is required."));
        assertEquals("Authorization: Basic [redacted]", r.redact("Authorization: Basic dXNlcjpwYXNz"));
        assertEquals("Bearer [redacted] sent", r.redact("Bearer abc.def-123 sent"));
    }

    @Test
    void onlyLiteralLoopbackCountsAsLoopback() {
        for (String host : List.of("http://127.example.test", "http://127.0.0.1.nip.io:8080",
                "http://localhost.example.test", "http://127.0.0.1.", "http://[::2]:80")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GlowConnection.of(host, T), host);
            assertTrue(e.getMessage().contains("--allow-insecure-http"), e.getMessage());
            assertClean(e.getMessage());
        }
        for (String host : List.of("http://localhost:8787", "http://127.0.0.1", "http://127.1.2.3:9",
                "http://[::1]:8787", "http://LOCALHOST")) {
            GlowConnection.of(host, T);
        }
        assertFalse(GlowConnection.isLoopback("127.0.0.300"));
        assertFalse(GlowConnection.isLoopback("128.0.0.1"));
    }
}
