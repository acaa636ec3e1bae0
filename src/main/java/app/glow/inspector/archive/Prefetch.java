package app.glow.inspector.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes produced on a thread of their own (a network read) and handed over through a few fixed
 * buffers, so the network is read while the bytes before go to disk. At most {@link #SLOTS}
 * buffers of {@link #CHUNK} bytes exist, whatever the size. A failure of the producer reaches
 * the reader as it stands (the same exception), after the bytes that came before it. Closing
 * before the end aborts the producer and waits for it, so nothing reads the connection once its
 * owner has released it.
 */
final class Prefetch extends InputStream {
    static final int CHUNK = 1 << 20;
    static final int SLOTS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(Prefetch.class);
    private static final long JOIN_MILLIS = 30_000;
    /** Handed to a waiting producer on close, in place of a free buffer. */
    private static final byte[] CLOSED = new byte[0];

    /** Writes the bytes to hand over; runs on the prefetch thread. */
    @FunctionalInterface
    interface Producer {
        void writeTo(OutputStream out) throws Exception;
    }

    /** {@code len} bytes of {@code buf}; a negative length ends the stream, with {@code failure} or cleanly. */
    private record Chunk(byte[] buf, int len, Exception failure) {
    }

    private static final Chunk END = new Chunk(null, -1, null);

    private final BlockingQueue<Chunk> full = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> free = new LinkedBlockingQueue<>();
    private final Runnable abort;
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int pos;
    private boolean ended;
    private Exception failure;

    private Prefetch(String name, Producer producer, Runnable abort) {
        this.abort = abort;
        this.thread = new Thread(() -> run(producer), name);
        thread.setDaemon(true);
    }

    /**
     * Starts {@code producer} on its own thread.
     *
     * @param abort stops the producer early (cancels its request); run by {@link #close()} before the end
     */
    static Prefetch start(String name, Producer producer, Runnable abort) {
        Prefetch p = new Prefetch(name, producer, abort);
        p.thread.start();
        return p;
    }

    private void run(Producer producer) {
        // an Error in the producer must not look like a clean end: the reader would take a cut stream as whole
        Chunk last = new Chunk(null, -1, new IOException("The download stopped unexpectedly."));
        try {
            Out out = new Out();
            producer.writeTo(out);
            out.pass();
            last = END;
        } catch (Exception e) {
            last = new Chunk(null, -1, e);
        } finally {
            full.add(last);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw asIOException(failure);
        }
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (current == null || pos == current.len()) {
            if (current != null) {
                free.add(current.buf());
                current = null;
            }
            Chunk next;
            try {
                next = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for the download.");
            }
            if (next.len() < 0) {
                ended = true;
                if (next.failure() != null) {
                    failure = next.failure();
                    throw asIOException(failure);
                }
                return -1;
            }
            current = next;
            pos = 0;
        }
        int n = Math.min(len, current.len() - pos);
        System.arraycopy(current.buf(), pos, b, off, n);
        pos += n;
        return n;
    }

    private static IOException asIOException(Exception e) {
        return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }

    /** Stops the producer if it is still at work (aborting its request), and waits for it to end. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        free.add(CLOSED);
        if (!ended) {
            abort.run();
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // a producer that ignores the abort: it can only fill buffers nobody reads, never touch the archive
            LOG.warn("{} did not stop within {} ms of its abort", thread.getName(), JOIN_MILLIS);
        }
        current = null;
        full.clear();
    }

    /** The producer's side: fills one buffer at a time and passes it on when full. */
    private final class Out extends OutputStream {
        private byte[] buf;
        private int n;
        private int allocated;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (buf == null) {
                    buf = take();
                }
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
                if (n == buf.length) {
                    pass();
                }
            }
        }

        void pass() {
            if (buf != null && n > 0) {
                full.add(new Chunk(buf, n, null));
                buf = null;
                n = 0;
            }
        }

        /** A free buffer: a new one while fewer than SLOTS exist, else the next the reader hands back. */
        private byte[] take() throws IOException {
            byte[] b = free.poll();
            if (b == null && allocated < SLOTS) {
                allocated++;
                return new byte[CHUNK];
            }
            try {
                if (b == null) {
                    b = free.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while handing over the download.");
            }
            if (b == CLOSED || closed) {
                free.add(CLOSED); // keep it there for a later take
                throw new IOException("The export stopped reading this download.");
            }
            return b;
        }
    }
}
