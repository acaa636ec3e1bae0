package app.glow.inspector.archive;

import app.glow.inspector.source.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The archive being exported, written on a seekable file: a stored entry goes in as its bytes
 * arrive, in one pass, and the writer goes back to patch its sizes and CRC into the local header
 * once they are known (so nothing is spooled first, and readers that need sizes up front still
 * find them). Each media entry is hashed (SHA-256) on the way. A write that fails says so in
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
    private final byte[] buf = new byte[1 << 20];
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
        for (int r; (r = in.read(buf)) != -1; ) {
            c.throwIfCancelled();
            n += r;
            if (maxBytes >= 0 && n > maxBytes) {
                throw tooMany.get();
            }
            sha.update(buf, 0, r);
            try {
                zip.write(buf, 0, r);
            } catch (IOException e) {
                throw writeFailed(e);
            }
        }
        try {
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw writeFailed(e);
        }
        return new Stored(n, HexFormat.of().formatHex(sha.digest()));
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
