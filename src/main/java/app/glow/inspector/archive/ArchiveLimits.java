package app.glow.inspector.archive;

/**
 * Bounds an archive must respect to be opened: anything beyond is treated as hostile.
 *
 * @param maxEntries    entries the central directory may declare (checked before any per-entry work)
 * @param maxEntryBytes uncompressed bytes of one entry
 * @param maxTotalBytes uncompressed bytes of all entries together
 * @param maxRatio      how many times a large entry may expand (above 1 MiB; smaller ones are cheap)
 * @param maxJsonBytes  bytes of manifest.json or one group.json (they are parsed in memory)
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio,
                            long maxJsonBytes) {
    public static final ArchiveLimits DEFAULT =
            new ArchiveLimits(200_000, 4L << 30, 64L << 30, 200, 64L << 20);

    public ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio) {
        this(maxEntries, maxEntryBytes, maxTotalBytes, maxRatio, DEFAULT.maxJsonBytes);
    }

    /** This archive with another entry-count bound (tests use small ones). */
    public ArchiveLimits withMaxEntries(int n) {
        return new ArchiveLimits(n, maxEntryBytes, maxTotalBytes, maxRatio, maxJsonBytes);
    }

    public ArchiveLimits withMaxJsonBytes(long n) {
        return new ArchiveLimits(maxEntries, maxEntryBytes, maxTotalBytes, maxRatio, n);
    }

    /**
     * Bytes opening may inflate in all, whatever the manifest lists: a fixed allowance for small
     * archives plus {@code maxRatio} times the file's real size, so work follows the bytes on disk.
     */
    public long workBudget(long fileSize) {
        long scaled = fileSize > Long.MAX_VALUE / Math.max(1, maxRatio) ? Long.MAX_VALUE : fileSize * maxRatio;
        return Math.min(maxTotalBytes, Math.max(64L << 20, scaled));
    }
}
