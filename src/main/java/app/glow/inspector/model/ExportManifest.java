package app.glow.inspector.model;

import java.time.Instant;
import java.util.List;

/** {@code manifest.json} of an export archive. */
public record ExportManifest(String format, int version, Instant exportedAt, List<String> groups,
                             List<ExportFile> files, Boolean pseudonymized) {
    public static final String FORMAT = "glow-group-export";
    /** The {@code kind} of the entry that carries the reviews ({@code reviews.json}), an addition of this app. */
    public static final String REVIEWS_KIND = "reviews";
    public static final String REVIEWS_PATH = "reviews.json";

    public ExportManifest {
        groups = Lists.copy(groups);
        files = Lists.copy(files);
    }

    public ExportManifest(String format, int version, Instant exportedAt, List<String> groups, List<ExportFile> files) {
        this(format, version, exportedAt, groups, files, null);
    }

    /**
     * One entry of the archive with its declared size and SHA-256: a media file, or this app's
     * {@code reviews.json} ({@code kind} "reviews", no upload id). {@code fileName} (the server's
     * name for a file upload) is an addition of this app's archives; others omit it.
     */
    public record ExportFile(String path, String kind, String uploadId, long size, String sha256,
                             String contentType, String fileName) {
        public ExportFile(String path, String kind, String uploadId, long size, String sha256, String contentType) {
            this(path, kind, uploadId, size, sha256, contentType, null);
        }

        /** The reviews entry: by its kind, or by its path for a writer that left the kind out. */
        public boolean isReviews() {
            return REVIEWS_KIND.equals(kind) || (kind == null && REVIEWS_PATH.equals(path));
        }
    }
}
