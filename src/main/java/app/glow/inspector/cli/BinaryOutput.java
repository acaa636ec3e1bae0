package app.glow.inspector.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.exists(dir)) {
            throw new UsageError("--out " + target + ": the folder does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageError("--out " + target + ": " + dir + " is a file, not a folder");
        }
        app.glow.inspector.service.SafeFiles.write(target, writer::writeTo);
    }
}
