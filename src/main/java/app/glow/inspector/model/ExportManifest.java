package app.glow.inspector.model;

import java.time.Instant;
import java.util.List;

/** {@code manifest.json} of an export archive. */
public record ExportManifest(String format, int version, Instant exportedAt, List<String> groups,
                             List<ExportFile> files, Boolean pseudonymized) {
    public static final String FORMAT = "glow-group-export";

    public ExportManifest {
        groups = Lists.copy(groups);
        files = Lists.copy(files);
    }

    public ExportManifest(String format, int version, Instant exportedAt, List<String> groups, List<ExportFile> files) {
        this(format, version, exportedAt, groups, files, null);
    }

    /**
     * One media entry of the archive with its declared size and SHA-256. {@code fileName} (the
     * server's name for a file upload) is an addition of this app's archives; others omit it.
     */
    public record ExportFile(String path, String kind, String uploadId, long size, String sha256,
                             String contentType, String fileName) {
        public ExportFile(String path, String kind, String uploadId, long size, String sha256, String contentType) {
            this(path, kind, uploadId, size, sha256, contentType, null);
        }
    }
}
