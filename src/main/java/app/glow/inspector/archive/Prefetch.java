package app.glow.inspector.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes produced on a thread of their own (a network read) and handed over through one ring
 * buffer of at most {@link #CAPACITY} bytes, so the network is read while the bytes before go to
 * disk, and memory is bounded whatever the size. What has arrived is never held back (a stalled
 * server's last bytes are read within a poll); each side waits only when the ring is (nearly)
 * empty or full, and is woken once a useful amount is there, not for every network read. A failure of the producer reaches the reader as it
 * stands (the same exception) after the bytes that came before it. Closing before the end aborts
 * the producer and waits for it, so nothing reads the connection once its owner has released it.
 */
final class Prefetch extends InputStream {
    /** Four 1 MiB buffers' worth: enough to keep a disk and a network busy at once. */
    static final int CAPACITY = 4 << 20;
    private static final int SMALLEST = 64 << 10;
    private static final Logger LOG = LoggerFactory.getLogger(Prefetch.class);
    private static final long JOIN_MILLIS = 30_000;
    private static final long POLL_MILLIS = 10;

    /** Writes the bytes to hand over; runs on the prefetch thread. */
    @FunctionalInterface
    interface Producer {
        void writeTo(OutputStream out) throws Exception;
    }

    private final byte[] ring;
    /** The reader is woken once this much is there (or at the end). */
    private final int lowWater;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final Runnable abort;
    private final Thread thread;
    // guarded by lock: the reader alone moves head, the producer alone adds to count's far end
    private int head;
    private int count;
    private boolean readerWaits;
    private boolean producerWaits;
    private boolean ended;
    private Exception failure;
    private boolean closed;

    private Prefetch(String name, Producer producer, Runnable abort, long sizeHint) {
        this.ring = new byte[(int) Math.max(SMALLEST, Math.min(CAPACITY, sizeHint < 0 ? CAPACITY : sizeHint))];
        this.lowWater = Math.min(SMALLEST, ring.length / 2);
        this.abort = abort;
        this.thread = new Thread(() -> run(producer), name);
        thread.setDaemon(true);
    }

    /**
     * Starts {@code producer} on its own thread.
     *
     * @param abort    stops the producer early (cancels its request); run by {@link #close()} before the end
     * @param sizeHint the bytes expected, or -1: a small file gets a small ring
     */
    static Prefetch start(String name, Producer producer, Runnable abort, long sizeHint) {
        Prefetch p = new Prefetch(name, producer, abort, sizeHint);
        p.thread.start();
        return p;
    }

    private void run(Producer producer) {
        // an Error in the producer must not look like a clean end: the reader would take a cut stream as whole
        Exception last = new IOException("The download stopped unexpectedly.");
        try {
            producer.writeTo(new Out());
            last = null;
        } catch (Exception e) {
            last = e;
        } finally {
            lock.lock();
            try {
                ended = true;
                failure = last;
                readable.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int from;
        int n;
        lock.lock();
        try {
            // woken when a useful amount has come (not for every few KiB); a slow server's bytes are taken on a poll
            while (count < lowWater && !ended) {
                readerWaits = true;
                try {
                    if (!readable.await(POLL_MILLIS, TimeUnit.MILLISECONDS) && count > 0) {
                        break;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while waiting for the download.");
                } finally {
                    readerWaits = false;
                }
            }
            if (count == 0) {
                if (failure != null) {
                    throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
                }
                return -1;
            }
            from = head;
            n = Math.min(len, Math.min(count, ring.length - head));
        } finally {
            lock.unlock();
        }
        // outside the lock: the producer never writes into the count bytes from head
        System.arraycopy(ring, from, b, off, n);
        lock.lock();
        try {
            head = (head + n) % ring.length;
            count -= n;
            if (producerWaits) {
                writable.signal();
            }
        } finally {
            lock.unlock();
        }
        return n;
    }

    /** Stops the producer if it is still at work (aborting its request), and waits for it to end. */
    @Override
    public void close() {
        boolean running;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            running = !ended;
            writable.signal();
        } finally {
            lock.unlock();
        }
        if (running) {
            abort.run();
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // a producer that ignores the abort: it can no longer write (closed), nor touch the archive
            LOG.warn("{} did not stop within {} ms of its abort", thread.getName(), JOIN_MILLIS);
        }
    }

    /** The producer's side: copies into the free part of the ring, waiting only while it is full. */
    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                lock.lock();
                try {
                    while (count == ring.length && !closed) {
                        producerWaits = true;
                        try {
                            writable.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new InterruptedIOException("Interrupted while handing over the download.");
                        } finally {
                            producerWaits = false;
                        }
                    }
                    if (closed) {
                        throw new IOException("The export stopped reading this download.");
                    }
                    // under the lock, so a closed reader is never written to; copies are at most a few KiB here
                    int tail = (head + count) % ring.length;
                    int k = Math.min(len, Math.min(ring.length - count, ring.length - tail));
                    System.arraycopy(b, off, ring, tail, k);
                    count += k;
                    off += k;
                    len -= k;
                    if (readerWaits && count >= lowWater) {
                        readable.signal();
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
