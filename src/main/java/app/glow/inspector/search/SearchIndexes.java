package app.glow.inspector.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder holding every source's index: {@code $XDG_CACHE_HOME/glow-inspector/index} (or
 * {@code ~/.cache/glow-inspector/index}), one sub-folder per source key ({@code GroupSource#sourceKey}:
 * an instance URL, "demo", or an archive's SHA-256), named by a hash so no URL reaches the file system.
 */
public final class SearchIndexes {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

    private final Path root;

    public SearchIndexes(Path root) {
        this.root = root;
    }

    /** The platform's cache folder for indexes, from the environment. */
    public static Path defaultRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("glow-inspector").resolve("index");
    }

    public Path root() {
        return root;
    }

    public Path folderFor(String sourceKey) {
        return root.resolve(hash(sourceKey).substring(0, 32));
    }

    /** Opens (or creates) the index of one source. */
    public SearchIndex open(String sourceKey) throws SearchIndexException {
        Path folder = folderFor(sourceKey);
        SearchIndex index = SearchIndex.open(folder);
        writeLabel(folder, sourceKey);
        return index;
    }

    /** A small file naming the source, for whoever looks into the cache folder. */
    private static void writeLabel(Path folder, String key) {
        Path label = folder.resolve("source.txt");
        if (Files.exists(label)) {
            return;
        }
        try {
            Path tmp = Files.createTempFile(folder, "source", ".tmp");
            Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, label, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // only a label for people browsing the cache; the index works without it
            log.debug("could not label {}: {}", folder, e.getMessage());
        }
    }

    /** Bytes used by every index. */
    public long sizeBytes() {
        return sizeOf(root);
    }

    /**
     * Deletes every index not open right now (an open one is in use by this or another process;
     * clear it through {@link SearchIndex#clear()}). Returns the bytes freed.
     */
    public long clear() throws IOException {
        long before = sizeBytes();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path f : (Iterable<Path>) folders::iterator) {
                if (Files.exists(f.resolve(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME))
                        && isLocked(f)) {
                    continue;
                }
                deleteTree(f);
            }
        }
        return before - sizeBytes();
    }

    private static boolean isLocked(Path folder) {
        try (var dir = org.apache.lucene.store.FSDirectory.open(folder);
             var lock = dir.obtainLock(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
            return false;
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            return true;
        } catch (IOException e) {
            // cannot tell: keep it, deleting an index in use would break whoever holds it
            log.debug("lock check of {} failed: {}", folder, e.getMessage());
            return true;
        }
    }

    private static void deleteTree(Path f) throws IOException {
        try (Stream<Path> all = Files.walk(f)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    static long sizeOf(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    // a segment merged away while we count: it no longer takes space
                    log.trace("gone while counting: {}", p);
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            // files come and go while Lucene merges; a size is an estimate anyway
            log.debug("size of {}: {}", folder, e.getMessage());
            return 0;
        }
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
