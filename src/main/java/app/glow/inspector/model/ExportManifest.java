package app.glow.inspector.model;

import java.time.Instant;
import java.util.List;

/** {@code manifest.json} of an export archive. */
public record ExportManifest(String format, int version, Instant exportedAt, List<String> groups,
                             List<ExportFile> files) {
    public static final String FORMAT = "glow-group-export";

    public ExportManifest {
        groups = Lists.copy(groups);
        files = Lists.copy(files);
    }

    /** One media entry of the archive with its declared size and SHA-256. */
    public record ExportFile(String path, String kind, String uploadId, long size, String sha256,
                             String contentType) {
    }
}
