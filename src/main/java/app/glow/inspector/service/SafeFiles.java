package app.glow.inspector.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file whole or not at all: to a hidden temporary sibling ({@code .NAME.*.part}, on the
 * same disk so the final move is atomic), moved into place when complete. A failure, a cancel or
 * a stopped process (Ctrl+C, SIGTERM) deletes the temporary file; a folder that cannot take the
 * file is named with the reason, before any work is done.
 */
public final class SafeFiles {
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws Exception;
    }

    /** Writes the temporary file by its path, for a writer that seeks (a ZIP patching its headers). */
    @FunctionalInterface
    public interface PartWriter {
        void writeTo(Path part) throws Exception;
    }

    private SafeFiles() {
    }

    public static void write(Path target, Writer writer) throws Exception {
        write(target, writer, false);
    }

    /** @param ownerOnly make the file readable and writable by its owner alone (0600), from its creation */
    public static void write(Path target, Writer writer, boolean ownerOnly) throws Exception {
        writePart(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
        }, ownerOnly);
    }

    /** As {@link #write(Path, Writer, boolean)}, the writer given the temporary file itself. */
    public static void writePart(Path target, PartWriter writer, boolean ownerOnly) throws Exception {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = createPart(abs, dir, ownerOnly);
        boolean done = false;
        try (CleanupOnExit guard = CleanupOnExit.guard(tmp)) {
            writer.writeTo(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                CleanupOnExit.deleteTree(tmp);
            }
        }
    }

    /** Checks the folder and creates the temporary file, or says which folder cannot take it and why. */
    private static Path createPart(Path abs, Path dir, boolean ownerOnly) throws IOException {
        String name = abs.getFileName().toString();
        try {
            Files.createDirectories(dir);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            return ownerOnly && posix
                    ? Files.createTempFile(dir, "." + name + ".", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, "." + name + ".", ".part");
        } catch (IOException e) {
            throw new IOException("Cannot write " + name + " into the folder " + dir + ": " + why(e, dir) + ".", e);
        }
    }

    /** The reason in words, for the failures a person can fix. */
    static String why(IOException e, Path dir) {
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return Files.exists(dir) && !Files.isDirectory(dir) ? "it is a file, not a folder"
                    : "a part of that path is a file, not a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (this user may not create files there)";
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("read-only")) {
            return "the disk is mounted read-only";
        }
        if (reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("no space")) {
            return "the disk is full";
        }
        return reason == null ? "the folder cannot be written" : reason;
    }
}
