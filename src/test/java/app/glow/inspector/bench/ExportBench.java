package app.glow.inspector.bench;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.archive.ArchiveExporter;
import app.glow.inspector.archive.ArchiveSource;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.RemoteSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Exports the two media-rich demo groups while every video upload is a large file (about 1 GB of
 * media in all), under whatever -Xmx the script sets, and prints the export's throughput next to
 * a plain download of the same bytes from the same instance. Run by bench/export.sh.
 */
public final class ExportBench {
    public static void main(String[] args) throws Exception {
        Path video = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try (DemoServer server = DemoServer.start(DemoServer.Options.defaults().withLive(0, 15_000)
                .withVideoFile(video))) {
            GlowClient client = new GlowClient(GlowConnection.of(server.url(), server.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.DEFAULT);
            RemoteSource source = new RemoteSource(client, "bench", true, null);
            List<GroupSummary> page = client.groups(GroupsQuery.firstPage(10), Cancellation.none()).groups();
            List<String> ids = List.of(page.get(0).groupId(), page.get(8).groupId());
            List<String> videos = ids.stream().flatMap(id -> {
                try {
                    return client.groupDetail(id, 0, 500, Cancellation.none()).runs().stream();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).flatMap(r -> r.messages().stream()).flatMap(m -> m.videoUploadIds().stream()).distinct().toList();

            long d0 = System.nanoTime();
            long plain = 0;
            for (String v : videos) {
                plain += client.download(MediaKind.VIDEO, v, null, OutputStream.nullOutputStream(), Cancellation.none())
                        .bytesWritten();
            }
            double plainS = (System.nanoTime() - d0) / 1e9;

            long e0 = System.nanoTime();
            new ArchiveExporter(source).export(ids, ArchiveExporter.Options.DEFAULT, out, (g, t, b) -> { },
                    Cancellation.none());
            double exportS = (System.nanoTime() - e0) / 1e9;
            long size = Files.size(out);
            long o0 = System.nanoTime();
            try (ArchiveSource a = ArchiveSource.open(out)) {
                System.out.printf("archive verified on open      : %d groups, %d files, in %.1f s%n",
                        a.manifest().groups().size(), a.manifest().files().size(), (System.nanoTime() - o0) / 1e9);
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("max heap                      : %.0f MB%n", rt.maxMemory() / 1e6);
            System.out.printf("plain download of the videos  : %.2f GB in %.1f s = %.0f MB/s%n", plain / 1e9, plainS,
                    plain / 1e6 / plainS);
            System.out.printf("export of the two groups      : %.2f GB archive in %.1f s = %.0f MB/s%n", size / 1e9,
                    exportS, size / 1e6 / exportS);
            System.out.printf("export / plain download time  : %.2f%n", exportS / plainS);
        }
        System.exit(0);
    }
}
