package app.glow.inspector.archive;

import app.glow.inspector.source.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A media file spooled to the export's private folder, with its size and SHA-256. Only for a
 * server export whose media come before its manifest (out of the contract's order): those cannot
 * be checked as they pass, so they wait here until the manifest says whether to keep them.
 */
record Spooled(Path file, long size, String sha256) {
    static Spooled of(InputStream in, Path dir, Cancellation c) throws IOException {
        Path f = Files.createTempFile(dir, "m", ".bin");
        MessageDigest md = ExportZip.sha256();
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(f)) {
            for (int r; (r = in.read(buf)) != -1; ) {
                c.throwIfCancelled();
                out.write(buf, 0, r);
                md.update(buf, 0, r);
                n += r;
            }
        }
        return new Spooled(f, n, HexFormat.of().formatHex(md.digest()));
    }

    /** Stores this file in the archive under {@code path} and deletes it. */
    void storeAs(ExportZip zip, String path) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            zip.store(path, in, size, () -> new ArchiveException("The spooled copy of " + path + " changed size."));
        } finally {
            discard();
        }
    }

    void discard() throws IOException {
        Files.deleteIfExists(file);
    }
}
