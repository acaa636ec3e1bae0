package app.glow.inspector.archive;

import app.glow.inspector.source.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The archive being exported, written on a seekable file: a stored entry goes in as its bytes
 * arrive, in one pass, and the writer goes back to patch its sizes and CRC into the local header
 * once they are known (so nothing is spooled first, and readers that need sizes up front still
 * find them). Each media entry is hashed (SHA-256) on the way, on a thread of its own while the
 * disk takes the same bytes. A write that fails says so in
 * words; {@link #close()} without {@link #finish()} leaves a file the caller throws away.
 */
final class ExportZip implements AutoCloseable {
    /** A stored entry's length and SHA-256 (hex), counted as its bytes passed. */
    record Stored(long size, String sha256) {
    }

    /** Writes one deflated entry. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final SeekableByteChannel channel;
    private final ZipArchiveOutputStream zip;
    private final Cancellation c;
    private final byte[][] bufs = {new byte[1 << 20], new byte[1 << 20]};
    /** Hashes one buffer while the disk takes it: SHA-256 is the heaviest work per byte here. */
    private final ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "glow-export-hash");
        t.setDaemon(true);
        return t;
    });
    private final long time = System.currentTimeMillis();
    private boolean finished;

    ExportZip(Path part, Cancellation c) throws IOException {
        this.channel = Files.newByteChannel(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.zip = new ZipArchiveOutputStream(channel);
        this.c = c;
    }

    long bytesWritten() {
        return zip.getBytesWritten();
    }

    /** A deflated entry (JSON shrinks well). */
    void deflated(String path, Body body) throws IOException {
        c.throwIfCancelled();
        try {
            zip.putArchiveEntry(entry(path, ZipEntry.DEFLATED));
            body.writeTo(new ExportStreams.NonClosing(zip));
            zip.closeArchiveEntry();
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    /**
     * Stores {@code in} whole under {@code path} (media do not shrink), hashing it as it passes.
     * Failures of {@code in} come out as they are; the disk's say what failed.
     *
     * @param maxBytes the most bytes expected, or -1 for no limit
     * @param tooMany  the refusal once more than {@code maxBytes} arrive (checked as they pass)
     */
    Stored store(String path, InputStream in, long maxBytes, Supplier<? extends IOException> tooMany)
            throws IOException {
        c.throwIfCancelled();
        MessageDigest sha = sha256();
        long n = 0;
        try {
            zip.putArchiveEntry(entry(path, ZipEntry.STORED));
        } catch (IOException e) {
            throw writeFailed(e);
        }
        // two buffers: one is hashed (on the hasher) and written (here) while the next is read into the other
        Future<?> hashing = null;
        int i = 0;
        try {
            for (int r = in.read(bufs[i]); r != -1; r = in.read(bufs[i])) {
                c.throwIfCancelled();
                n += r;
                if (maxBytes >= 0 && n > maxBytes) {
                    throw tooMany.get();
                }
                byte[] b = bufs[i];
                int len = r;
                await(hashing); // the previous buffer is hashed: the digest is free, and that buffer may be refilled
                hashing = hasher.submit(() -> sha.update(b, 0, len));
                try {
                    zip.write(b, 0, len);
                } catch (IOException e) {
                    throw writeFailed(e);
                }
                i = 1 - i;
            }
        } finally {
            await(hashing); // never leave the hasher reading a buffer the next entry refills
        }
        try {
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw writeFailed(e);
        }
        return new Stored(n, HexFormat.of().formatHex(sha.digest()));
    }

    private static void await(Future<?> f) throws InterruptedIOException {
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while hashing the export.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause()); // MessageDigest.update throws nothing
        }
    }

    /** Writes the central directory and closes the file: the archive is complete. */
    void finish() throws IOException {
        try {
            zip.finish();
            zip.close();
            finished = true;
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    /** After {@link #finish()}, nothing left to do; before it, drops the file's handle (the caller deletes it). */
    @Override
    public void close() throws IOException {
        hasher.shutdownNow();
        if (!finished) {
            channel.close();
        }
    }

    private ZipArchiveEntry entry(String path, int method) {
        ZipArchiveEntry e = new ZipArchiveEntry(path);
        e.setMethod(method);
        e.setTime(time);
        return e;
    }

    private static ArchiveException writeFailed(IOException e) {
        String why = e.getMessage() == null ? "the disk refused it" : e.getMessage();
        return new ArchiveException("Could not write the archive: " + why + ".", e);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
