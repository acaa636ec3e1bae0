package app.glow.inspector.cli;

import app.glow.inspector.source.ByteRange;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.model.MediaKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The binary endpoints: the five downloads and export. */
final class BinaryCommands {
    private BinaryCommands() {
    }

    @Command(description = "Download an upload's bytes (resumes after a dropped connection).",
            footer = {"", "Examples:",
                "  glow system image_download --body '{\"image_upload_id\": \"i-3\"}' --out sketch.png",
                "  glow system video_download --body '{\"video_upload_id\": \"v-1\"}' --range 0-1023 | xxd | head",
                "  glow system text_download --body '{\"text_upload_id\": \"t-88\"}' | less"})
    static final class Download extends ServerCommand {
        private final MediaKind kind;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (complete or not at all).")
        Path out;

        @Option(names = "--range", paramLabel = "a-b", description = "Only bytes a to b (also a- and -n).")
        String range;

        Download(CliContext ctx, MediaKind kind) {
            super(ctx);
            this.kind = kind;
        }

        @Override
        void validate(ObjectNode b) throws UsageError {
            Body.requireString(b, kind.idField());
            if (range != null) {
                try {
                    ByteRange.parse(range);
                } catch (IllegalArgumentException e) {
                    throw new UsageError("--range: " + e.getMessage());
                }
            }
        }

        @Override
        void run(GlowClient client, ObjectNode b) throws Exception {
            ByteRange r = range == null ? null : ByteRange.parse(range);
            String id = b.get(kind.idField()).asText();
            BinaryOutput.write(out, ctx, o -> client.download(kind, id, r, o, none()));
        }
    }

    @Command(name = "export", description = "Export one group as a ZIP (manifest.json, group.json, media).",
            footer = {"", "Examples:",
                "  glow system export --body '{\"target_group_id\": \"4f1c...\"}' --out group.zip",
                "  glow system export --body '{\"target_group_id\": \"4f1c...\"}' | unzip -l /dev/stdin"})
    static final class Export extends ServerCommand {
        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (complete or not at all).")
        Path out;

        Export(CliContext ctx) {
            super(ctx);
        }

        @Override
        void validate(ObjectNode b) throws UsageError {
            Body.requireString(b, "target_group_id");
        }

        @Override
        void run(GlowClient client, ObjectNode b) throws Exception {
            String id = b.get("target_group_id").asText();
            BinaryOutput.write(out, ctx, o -> client.export(id, o, none()));
        }
    }
}
