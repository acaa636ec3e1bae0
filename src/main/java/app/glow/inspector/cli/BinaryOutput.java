package app.glow.inspector.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where binary output goes: a file written to a temporary sibling and moved into place only when
 * complete (a failed download leaves nothing at the target), or standard output when it is not a
 * terminal.
 */
final class BinaryOutput {
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws Exception;
    }

    private BinaryOutput() {
    }

    static void write(Path target, CliContext ctx, Writer writer) throws Exception {
        if (target == null) {
            if (ctx.stdoutIsTerminal()) {
                throw new UsageError("refusing to print binary data to a terminal: pass --out FILE or pipe it");
            }
            writer.writeTo(ctx.out());
            ctx.out().flush();
            return;
        }
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageError("--out " + target + ": the folder does not exist");
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp name starts with a dot and ends with .part
                }
            }
        }
    }
}
