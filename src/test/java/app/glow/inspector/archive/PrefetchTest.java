package app.glow.inspector.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hand-over between the network thread and the writer: whole, bounded, prompt, and stoppable. */
@Timeout(30)
class PrefetchTest {
    @Test
    void manyTimesTheRingPassesWholeAndInOrder() throws Exception {
        byte[] data = new byte[3 * Prefetch.CAPACITY + 4321];
        new Random(5).nextBytes(data);
        try (Prefetch p = Prefetch.start("t", out -> {
            for (int off = 0; off < data.length; off += 8192) { // the network's small pieces
                out.write(data, off, Math.min(8192, data.length - off));
            }
        }, () -> { }, -1)) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 20];
            for (int n; (n = p.read(buf)) != -1; ) {
                got.write(buf, 0, n);
            }
            assertArrayEquals(data, got.toByteArray());
        }
    }

    @Test
    void bytesAlreadySentAreReadWhileTheServerStalls() throws Exception {
        CountDownLatch stall = new CountDownLatch(1);
        try (Prefetch p = Prefetch.start("t", out -> {
            out.write(new byte[100]);
            stall.await(); // a server that sent 100 bytes and then nothing
        }, stall::countDown, -1)) {
            byte[] buf = new byte[1 << 20];
            assertEquals(100, p.read(buf), "what came is handed over without waiting for more");
        }
    }

    @Test
    void theProducersFailureArrivesAfterItsBytesAsItIs() throws Exception {
        IOException dropped = new IOException("unexpected end of stream");
        try (Prefetch p = Prefetch.start("t", out -> {
            out.write(new byte[10]);
            throw dropped;
        }, () -> { }, 10)) {
            assertEquals(10, p.readNBytes(10).length);
            assertSame(dropped, assertThrows(IOException.class, p::read));
        }
    }

    @Test
    void closingEarlyAbortsAProducerThatWaitsOnAFullRing() throws Exception {
        AtomicBoolean aborted = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Prefetch p = Prefetch.start("t", out -> {
            try {
                while (true) {
                    out.write(new byte[8192]); // fills the ring, then waits for a reader that has gone
                }
            } finally {
                stopped.countDown();
            }
        }, () -> aborted.set(true), -1);
        assertEquals(8192, p.readNBytes(8192).length);
        p.close();
        assertTrue(aborted.get(), "its request was aborted");
        assertTrue(stopped.await(5, TimeUnit.SECONDS), "the producer ended");
    }
}
