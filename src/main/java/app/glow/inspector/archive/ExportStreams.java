package app.glow.inspector.archive;

import app.glow.inspector.source.Cancellation;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The small stream wrappers an export needs around its ZIP streams. */
final class ExportStreams {
    private ExportStreams() {
    }

    /** Counts bytes written and stops at once when cancelled. */
    static final class Counting extends FilterOutputStream {
        long count;
        private final Cancellation c;

        Counting(OutputStream out, Cancellation c) {
            super(out);
            this.c = c;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (c.isCancelled()) {
                throw new IOException("The export was cancelled.");
            }
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    static final class NonClosingIn extends java.io.FilterInputStream {
        NonClosingIn(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the ZIP stream goes on to its next entry
        }
    }
}
