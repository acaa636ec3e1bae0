package app.glow.inspector.source;

import java.io.Closeable;
import java.io.InputStream;

/**
 * An open download: the body streams from the server; close it when done (or to abort).
 *
 * @param status        200 or 206
 * @param contentLength bytes in this body, -1 when unknown
 * @param firstByte     absolute offset of the body's first byte in the upload
 * @param totalSize     size of the whole upload, -1 when unknown
 * @param fileName      the server's file name, untrusted and unsanitized, or null
 */
public record MediaStream(int status, String contentType, long contentLength, long firstByte, long totalSize,
                          String etag, String fileName, boolean acceptsRanges, InputStream body,
                          Closeable closer) implements Closeable {
    @Override
    public void close() {
        try {
            closer.close();
        } catch (java.io.IOException e) {
            // Closing an aborted or finished download: the bytes were already read or abandoned,
            // so nothing depends on this; log for diagnosis only.
            org.slf4j.LoggerFactory.getLogger(MediaStream.class).debug("closing a media stream failed", e);
        }
    }

    public boolean isPartial() {
        return status == 206;
    }
}
