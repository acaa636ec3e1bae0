package app.glow.inspector.review;

import app.glow.inspector.archive.ArchiveSource;
import app.glow.inspector.source.SourceException;
import java.util.Optional;

/**
 * Files the reviews an archive carries under the archive's source key, so opening it shows them.
 * Safe to run on every open: annotations already present (same id) are kept, not duplicated.
 * Hashes the archive file for its key, so call it off the FX thread.
 */
public final class ReviewImport {
    /** What an import did: the key the reviews are filed under, and how many annotations were new. */
    public record Result(String sourceKey, int added, int carried) {
        public static Result none(String sourceKey) {
            return new Result(sourceKey, 0, 0);
        }
    }

    private ReviewImport() {
    }

    public static Result importFrom(ArchiveSource archive, ReviewStore store) throws ReviewException, SourceException {
        String key = archive.sourceKey();
        Optional<ReviewsFile> reviews = archive.reviews();
        if (reviews.isEmpty()) {
            return Result.none(key);
        }
        int added = store.importReviews(key, reviews.get());
        return new Result(key, added, reviews.get().annotations().size());
    }
}
