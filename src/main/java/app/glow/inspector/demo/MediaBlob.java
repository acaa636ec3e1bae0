package app.glow.inspector.demo;

import java.io.IOException;
import java.io.OutputStream;

/** Bytes the demo serves: size known up front, any range written without holding the whole. */
interface MediaBlob {
    String contentType();

    long size();

    /** Stable for the blob's content (uploads never change). */
    String etag();

    /** The file name for {@code Content-Disposition}, or null. Deliberately unsanitized. */
    default String fileName() {
        return null;
    }

    /** Writes bytes [start, start + length) to {@code out}. */
    void write(OutputStream out, long start, long length) throws IOException;
}
