package app.glow.inspector.review;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Annotations and review statuses, keyed by source (instance URL, "demo", or an archive's SHA-256),
 * group id and message id, so they follow a group across sessions. Every write is one transaction.
 */
public interface ReviewStore extends AutoCloseable {
    /** The group's annotations, oldest first. */
    List<Annotation> annotations(String sourceKey, String groupId) throws ReviewException;

    /** Inserts or replaces the annotation with this id under its source. */
    void save(Annotation annotation) throws ReviewException;

    /**
     * Deletes the annotation with this id under every source: the copy an archive imported on this
     * machine goes too. Prefer {@link #delete(Annotation)}.
     */
    void delete(String annotationId) throws ReviewException;

    /** Deletes the annotation with this id under this source only. */
    void delete(String sourceKey, String annotationId) throws ReviewException;

    default void delete(Annotation annotation) throws ReviewException {
        delete(annotation.sourceKey(), annotation.id());
    }

    GroupReview status(String sourceKey, String groupId) throws ReviewException;

    void setStatus(GroupReview review) throws ReviewException;

    /** Status and counts of every group of this source that has any review data. */
    Map<String, ReviewSummary> summaries(String sourceKey) throws ReviewException;

    /** The flag categories offered to the reviewer, in order. */
    List<String> categories() throws ReviewException;

    void setCategories(List<String> categories) throws ReviewException;

    /** The reviews of these groups, for an archive. */
    ReviewsFile export(String sourceKey, Collection<String> groupIds) throws ReviewException;

    /**
     * Files an archive's reviews under {@code sourceKey}. Idempotent: annotations already present
     * (same id) are kept, statuses are only taken when newer than what is stored.
     *
     * @return how many annotations were new
     */
    int importReviews(String sourceKey, ReviewsFile file) throws ReviewException;

    /** A time source, so tests and imports agree on "now". */
    default Instant now() {
        return Instant.now();
    }

    @Override
    void close();
}
