package app.glow.inspector.archive;

/** Bounds an archive must respect to be opened: anything beyond is treated as hostile. */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio) {
    public static final ArchiveLimits DEFAULT =
            new ArchiveLimits(200_000, 4L << 30, 64L << 30, 200);
}
