package app.glow.inspector.archive;

import app.glow.inspector.source.Cancellation;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A media file spooled to the export's private folder, with what the archive needs to store it. */
record Spooled(Path file, long size, String sha256, long crc) {
    interface Body {
        void writeTo(OutputStream out) throws Exception;
    }

    static Spooled of(InputStream in, Path dir, Cancellation c) throws Exception {
        return write(dir, c, out -> in.transferTo(out));
    }

    static Spooled write(Path dir, Cancellation c, Body body) throws Exception {
        Path f = Files.createTempFile(dir, "m", ".bin");
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CRC32 crc = new CRC32();
        long[] n = {0};
        try (OutputStream file = Files.newOutputStream(f)) {
            body.writeTo(new FilterOutputStream(file) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (c.isCancelled()) {
                        throw new IOException("cancelled");
                    }
                    file.write(b, off, len);
                    md.update(b, off, len);
                    crc.update(b, off, len);
                    n[0] += len;
                }

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }
            });
        }
        return new Spooled(f, n[0], HexFormat.of().formatHex(md.digest()), crc.getValue());
    }

    /** Stores this file in the archive under {@code path} (uncompressed: media do not shrink) and deletes it. */
    void storeAs(ZipOutputStream zip, String path, Cancellation c) throws Exception {
        ZipEntry e = new ZipEntry(path);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc);
        zip.putNextEntry(e);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                c.throwIfCancelled();
                zip.write(buf, 0, n);
            }
        } finally {
            discard();
        }
        zip.closeEntry();
    }

    void discard() throws IOException {
        Files.deleteIfExists(file);
    }
}
