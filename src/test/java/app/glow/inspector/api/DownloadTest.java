package app.glow.inspector.api;

import app.glow.inspector.source.MediaStream;

import app.glow.inspector.source.ByteRange;

import app.glow.inspector.source.Cancellation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.MediaKind;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DownloadTest extends MockServerSupport {
    private final byte[] content = new byte[1_000_000];
    private RangeDispatcher dispatcher;

    @BeforeEach
    void serve() {
        new Random(42).nextBytes(content);
        dispatcher = new RangeDispatcher(content);
        server.setDispatcher(dispatcher);
    }

    @Test
    void wholeDownloadIsByteExactWithItsMetadata() throws Exception {
        var out = new ByteArrayOutputStream();
        DownloadResult r = client.download(MediaKind.FILE, "f-1", null, out, Cancellation.none());
        assertArrayEquals(content, out.toByteArray());
        assertEquals(content.length, r.bytesWritten());
        assertEquals(content.length, r.totalSize());
        assertEquals("\"v1\"", r.etag());
        assertEquals("../notes \"final\".txt", r.fileName(), "the raw, untrusted name is passed on as sent");
        RecordedRequest req = server.takeRequest();
        assertEquals("/system/file_download", req.getUrl().encodedPath());
        assertEquals("{\"file_upload_id\":\"f-1\"}", req.getBody().utf8());
    }

    @Test
    void rangesGive206AndExactBytes() throws Exception {
        var out = new ByteArrayOutputStream();
        DownloadResult r = client.download(MediaKind.VIDEO, "v", ByteRange.of(100, 199), out, Cancellation.none());
        assertArrayEquals(Arrays.copyOfRange(content, 100, 200), out.toByteArray());
        assertEquals(100, r.firstByte());
        assertEquals(content.length, r.totalSize());
        assertEquals("bytes=100-199", server.takeRequest().getHeaders().get("Range"));

        out.reset();
        client.download(MediaKind.VIDEO, "v", ByteRange.lastBytes(10), out, Cancellation.none());
        assertArrayEquals(Arrays.copyOfRange(content, content.length - 10, content.length), out.toByteArray());

        out.reset();
        client.download(MediaKind.VIDEO, "v", ByteRange.from(content.length - 5), out, Cancellation.none());
        assertArrayEquals(Arrays.copyOfRange(content, content.length - 5, content.length), out.toByteArray());
    }

    @Test
    void unsatisfiableRangeIs416WithTheSize() {
        var e = assertThrows(GlowApiException.class, () -> client.download(MediaKind.AUDIO, "a",
                ByteRange.from(content.length + 10), new ByteArrayOutputStream(), Cancellation.none()));
        assertEquals(416, e.status());
        assertEquals("range_not_satisfiable", e.code());
        assertEquals(1, server.getRequestCount(), "416 is not retried");
    }

    @Test
    void aDroppedDownloadResumesAndIsByteIdentical() throws Exception {
        dispatcher.dropsLeft.set(2);
        var out = new ByteArrayOutputStream();
        DownloadResult r = client.download(MediaKind.VIDEO, "v", null, out, Cancellation.none());
        assertArrayEquals(content, out.toByteArray());
        assertEquals(2, r.resumes());
        server.takeRequest();
        RecordedRequest second = server.takeRequest();
        String range = second.getHeaders().get("Range");
        assertTrue(range != null && range.matches("bytes=\\d+-"), "resumed with an open range: " + range);
        long from = Long.parseLong(range.substring(6, range.length() - 1));
        assertTrue(from > 0 && from < content.length, "resumed from the byte reached: " + from);
    }

    @Test
    void aDroppedRangeResumesWithinTheRange() throws Exception {
        dispatcher.dropsLeft.set(1);
        var out = new ByteArrayOutputStream();
        client.download(MediaKind.VIDEO, "v", ByteRange.of(1000, 700_000), out, Cancellation.none());
        assertArrayEquals(Arrays.copyOfRange(content, 1000, 700_001), out.toByteArray());
    }

    @Test
    void aServerThatIgnoresRangeOnResumeIsSkippedCorrectly() throws Exception {
        dispatcher.dropsLeft.set(1);
        dispatcher.ignoreRange = true;
        var out = new ByteArrayOutputStream();
        client.download(MediaKind.FILE, "f", null, out, Cancellation.none());
        assertArrayEquals(content, out.toByteArray());
    }

    @Test
    void anUploadThatChangesWhileResumingIsRefused() {
        dispatcher.dropsLeft.set(1);
        dispatcher.changeEtagAfterFirst = true;
        var e = assertThrows(GlowApiException.class, () -> client.download(MediaKind.FILE, "f", null,
                new ByteArrayOutputStream(), Cancellation.none()));
        assertEquals(GlowApiException.Kind.INTEGRITY, e.kind());
        assertTrue(e.getMessage().contains("changed"), e.getMessage());
    }

    @Test
    void aDownloadThatKeepsDroppingFailsInsteadOfLookingComplete() {
        dispatcher.dropsLeft.set(1000);
        var out = new ByteArrayOutputStream();
        var e = assertThrows(GlowApiException.class,
                () -> client.download(MediaKind.FILE, "f", null, out, Cancellation.none()));
        assertEquals(GlowApiException.Kind.CONNECTION, e.kind());
        assertTrue(out.size() < content.length);
    }

    @Test
    void openDownloadStreamsWithHeaders() throws Exception {
        try (MediaStream s = client.openDownload(MediaKind.IMAGE, "i", ByteRange.of(10, 19), Cancellation.none())) {
            assertEquals(206, s.status());
            assertEquals(10, s.firstByte());
            assertEquals(10, s.contentLength());
            assertEquals(content.length, s.totalSize());
            assertTrue(s.acceptsRanges());
            assertArrayEquals(Arrays.copyOfRange(content, 10, 20), s.body().readAllBytes());
        }
    }
}
