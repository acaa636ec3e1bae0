package app.glow.inspector.cli;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.archive.ArchiveExporter;
import app.glow.inspector.service.RemoteSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glow export}: several groups into one archive, as the app exports them. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export several groups into one ZIP (the app's archive format, verified).",
        footer = {"", "Examples:", "  glow export --ids 4f1c...,9a0e... --out review.zip",
            "  glow export --ids 4f1c... --no-media --pseudonymize --out share.zip"})
final class ExportCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--ids", split = ",", required = true, paramLabel = "ID", description = "Group ids, comma-separated.")
    List<String> ids;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The archive (complete or not at all).")
    Path out;

    @Option(names = "--no-media", description = "Leave media out.")
    boolean noMedia;

    @Option(names = "--pseudonymize", description = "Replace profile and actor names with Profile 1, Actor 1, ...")
    boolean pseudonymize;

    ExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try {
            GlowConnection conn = connection.resolve(ctx);
            GlowClient client = new GlowClient(conn, GlowHttp.newClientFor(conn), GlowJson.newMapper(),
                    RetryPolicy.DEFAULT);
            new ArchiveExporter(new RemoteSource(client, "cli", false, null)).export(ids,
                    new ArchiveExporter.Options(!noMedia, pseudonymize), out,
                    (done, total, bytes) -> ctx.err().printf("glow: %d of %d groups, %.1f MB%n", done, total, bytes / 1e6),
                    Cancellation.none());
            return 0;
        } catch (Exception e) {
            return CliErrors.report(e, ctx, e instanceof UsageError ? "" : "export failed, nothing was written: ");
        }
    }
}
