package app.glow.inspector.archive;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The archive's bytes, open once for the source's life. Reads are positional under one lock: a
 * {@link RandomAccessFile} is not closed by a thread interrupt (a cancelled thumbnail must not
 * close the archive for everyone), and keeping it open means a file replaced on disk after the
 * checks is never read. Entries are inflated here from the checked central directory, counted,
 * and compared with their declared size and CRC; java.util.zip.ZipFile is never involved.
 */
final class ArchiveFile implements Closeable {
    private final RandomAccessFile raf;
    private final long size;
    private final String label;

    private ArchiveFile(RandomAccessFile raf, String label) throws IOException {
        this.raf = raf;
        this.size = raf.length();
        this.label = label;
    }

    /** Opens a regular file only: a folder, a pipe or a device is refused before open(2) can block on it. */
    static ArchiveFile open(Path file, String label) throws ArchiveException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ArchiveException(label + " does not exist.", e);
        } catch (IOException e) {
            throw new ArchiveException(label + " cannot be read (" + reason(e) + ").", e);
        }
        if (a.isDirectory()) {
            throw new ArchiveException(label + " is a folder, not an archive.");
        }
        if (!a.isRegularFile()) {
            throw new ArchiveException(label + " is not a regular file (a pipe, socket or device?), so it was not "
                    + "opened.");
        }
        try {
            return new ArchiveFile(new RandomAccessFile(file.toFile(), "r"), label);
        } catch (IOException e) {
            throw new ArchiveException(label + " cannot be opened (" + reason(e) + ").", e);
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? "the system refused" : e.getMessage();
    }

    long size() {
        return size;
    }

    String label() {
        return label;
    }

    /** Reads up to {@code len} bytes at {@code pos}; -1 at the end of the file. */
    synchronized int readAt(long pos, byte[] b, int off, int len) throws IOException {
        if (pos >= size) {
            return -1;
        }
        raf.seek(pos);
        return raf.read(b, off, (int) Math.min(len, size - pos));
    }

    void readFully(long pos, byte[] b) throws IOException {
        int done = 0;
        while (done < b.length) {
            int r = readAt(pos + done, b, done, b.length - done);
            if (r <= 0) {
                throw new EOFException(label + " ends early.");
            }
            done += r;
        }
    }

    /** {@code len} raw bytes from {@code pos}, then (for the inflater's sake) {@code pad} zero bytes. */
    InputStream region(long pos, long len, int pad) {
        return new InputStream() {
            long at = pos;
            long left = len;
            int padLeft = pad;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int n) throws IOException {
                if (n == 0) {
                    return 0;
                }
                if (left <= 0) {
                    if (padLeft <= 0) {
                        return -1;
                    }
                    padLeft--;
                    b[off] = 0;
                    return 1;
                }
                int r = readAt(at, b, off, (int) Math.min(n, left));
                if (r <= 0) {
                    throw new EOFException(label + " ends inside an entry.");
                }
                at += r;
                left -= r;
                return r;
            }
        };
    }

    /**
     * An entry's content from its first byte, inflated, counted against its declared size (never
     * more, never less), its CRC checked at the end, every byte charged to {@code budget}.
     */
    InputStream entry(ZipDirectory.Entry e, Budget budget) {
        return new Counted(e, decoded(e), budget, 0);
    }

    /** An entry's content from {@code first} on: stored entries seek, deflated ones inflate and skip. */
    InputStream entryFrom(ZipDirectory.Entry e, long first) throws IOException {
        if (e.method() == ZipDirectory.STORED) {
            return new Counted(e, region(e.dataOffset() + first, e.size() - first, 0), Budget.NONE, first);
        }
        InputStream in = new Counted(e, decoded(e), Budget.NONE, 0);
        in.skipNBytes(first);
        return in;
    }

    private InputStream decoded(ZipDirectory.Entry e) {
        if (e.method() == ZipDirectory.STORED) {
            return region(e.dataOffset(), e.compressedSize(), 0);
        }
        // raw deflate wants one extra byte after the data to finish cleanly (as ZipFile does)
        return new Inflating(region(e.dataOffset(), e.compressedSize(), 1), label, e.name());
    }

    @Override
    public void close() throws IOException {
        raf.close();
    }

    /** Inflated bytes opening may produce in all: a bound that follows the file's real size. */
    static final class Budget {
        static final Budget NONE = new Budget(Long.MAX_VALUE, "");
        private final long max;
        private final String label;
        private long used;

        Budget(long max, String label) {
            this.max = max;
            this.label = label;
        }

        void charge(long n) throws ArchiveException {
            if (max == Long.MAX_VALUE) {
                return; // serving media after the checks: nothing to bound, nothing to lock
            }
            long total;
            synchronized (this) {
                used += n;
                total = used;
            }
            if (total > max) {
                throw new ArchiveException(label + " would expand to more than " + String.format("%,d", max)
                        + " bytes while being checked, far more than its size justifies: refused as a ZIP bomb.");
            }
        }
    }

    /** Raw deflate with the inflater's native memory freed on close. */
    private static final class Inflating extends InputStream {
        private final InputStream raw;
        private final Inflater inflater = new Inflater(true);
        private final byte[] in = new byte[64 * 1024];
        private final String label;
        private final String name;
        private boolean closed;

        Inflating(InputStream raw, String label, String name) {
            this.raw = raw;
            this.label = label;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
        }

        /** Synchronized with close: a player hanging up must not end the inflater under a read. */
        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (len == 0) {
                return 0;
            }
            try {
                while (true) {
                    int n = inflater.inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished()) {
                        return -1;
                    }
                    if (inflater.needsDictionary()) {
                        throw damaged();
                    }
                    int r = raw.read(in, 0, in.length);
                    if (r <= 0) {
                        throw damaged();
                    }
                    inflater.setInput(in, 0, r);
                }
            } catch (DataFormatException ex) {
                throw new ArchiveException(label + ": the compressed data of " + ZipDirectory.printable(name)
                        + " is damaged.", ex);
            }
        }

        private ArchiveException damaged() {
            return new ArchiveException(label + ": the compressed data of " + ZipDirectory.printable(name)
                    + " ends early (the archive is truncated or damaged).");
        }

        @Override
        public synchronized void close() {
            closed = true;
            inflater.end();
        }
    }

    /** Counts what an entry really yields and holds it to what its directory record declares. */
    private final class Counted extends InputStream {
        private final ZipDirectory.Entry e;
        private final InputStream in;
        private final Budget budget;
        private final CRC32 crc = new CRC32();
        private final boolean checkCrc;
        private long n;

        Counted(ZipDirectory.Entry e, InputStream in, Budget budget, long first) {
            this.e = e;
            this.in = in;
            this.budget = budget;
            this.checkCrc = first == 0;
            this.n = first;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, len);
            if (r < 0) {
                if (n < e.size()) {
                    throw new ArchiveException(label + ": " + ZipDirectory.printable(e.name()) + " is smaller than "
                            + "its directory record declares (" + n + " of " + e.size() + " bytes).");
                }
                if (checkCrc && crc.getValue() != e.crc()) {
                    throw new ArchiveException(label + ": " + ZipDirectory.printable(e.name()) + " fails its CRC "
                            + "check: the archive is damaged.");
                }
                return -1;
            }
            n += r;
            if (n > e.size()) {
                throw new ArchiveException(label + ": " + ZipDirectory.printable(e.name()) + " is larger than it "
                        + "declares (" + e.size() + " bytes in its directory record): refused.");
            }
            crc.update(b, off, r);
            budget.charge(r);
            return r;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
