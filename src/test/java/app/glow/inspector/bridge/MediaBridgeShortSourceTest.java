package app.glow.inspector.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.StubSource;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A source that announces more bytes than it has (a lying size): the bridge must not hold the
 * player's connection open waiting for them, but close it as soon as the source ends.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MediaBridgeShortSourceTest {
    static final long ANNOUNCED = 1_000_000;

    private static final class ShortSource extends StubSource {
        @Override
        public MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c) {
            InputStream body = new ByteArrayInputStream("only ten b".getBytes(StandardCharsets.US_ASCII));
            boolean partial = range != null;
            return new MediaStream(partial ? 206 : 200, "video/mp4", partial ? 1 : ANNOUNCED, 0, ANNOUNCED, "\"e1\"",
                    null, true, body, body);
        }
    }

    @Test
    void aSourceThatEndsEarlyClosesTheConnectionInsteadOfHangingIt() throws Exception {
        try (MediaBridge bridge = new MediaBridge(new ShortSource());
             Socket s = new Socket(InetAddress.getLoopbackAddress(), bridge.port())) {
            s.setSoTimeout(10_000); // a hang shows as a timeout here, long before the test's own limit
            String path = URI.create(bridge.url(MediaKind.VIDEO, "v1")).getRawPath();
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            s.getInputStream().transferTo(got); // returns only when the bridge closes the connection
            String response = got.toString(StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            int body = response.length() - response.indexOf("\r\n\r\n") - 4;
            assertEquals(10, body, "the bytes the source had, then the end of the connection");
            assertTrue(bridge.openStreams() == 0 || waitClosed(bridge), "the upstream stream is closed");
        }
    }

    private static boolean waitClosed(MediaBridge b) throws InterruptedException {
        for (int i = 0; i < 100 && b.openStreams() > 0; i++) {
            Thread.sleep(20);
        }
        return b.openStreams() == 0;
    }
}
