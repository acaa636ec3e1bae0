package app.glow.inspector.archive;

import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.review.ReviewsFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an archive's {@code reviews.json} (already checked against its SHA-256 by the caller):
 * bounded in size, parsed leniently (unknown fields ignored) but every annotation must name itself
 * and a group of the archive, or the archive is refused with the field that is wrong.
 */
final class ArchiveReviews {
    /** Far above any real review (notes are typed by people), far below what would strain memory. */
    static final long MAX_BYTES = 16L << 20;
    private static final String NAME = ExportManifest.REVIEWS_PATH;

    private ArchiveReviews() {
    }

    /** Opens the entry's bytes, counted against its declared size. */
    interface Opener {
        InputStream open() throws IOException;
    }

    /** Checks the declared size, then parses and checks the content. */
    static ReviewsFile read(ObjectMapper mapper, long declared, Opener entry, List<String> groups)
            throws ArchiveException {
        if (declared > MAX_BYTES) {
            throw new ArchiveException("The archive's " + NAME + " declares " + String.format("%,d", declared)
                    + " bytes, more than the " + String.format("%,d", MAX_BYTES) + " the inspector reads for reviews.");
        }
        ReviewsFile f;
        try (InputStream in = entry.open()) {
            f = mapper.readValue(in, ReviewsFile.class);
        } catch (JsonMappingException e) {
            throw new ArchiveException("The archive's " + NAME + " is not a valid reviews file" + where(e) + ": "
                    + firstLine(e.getOriginalMessage()) + ". The archive was refused.", e);
        } catch (JsonProcessingException e) {
            throw new ArchiveException("The archive's " + NAME + " is not valid JSON: "
                    + firstLine(e.getOriginalMessage()) + ". The archive was refused.", e);
        } catch (IOException e) {
            throw new ArchiveException("The archive's " + NAME + " could not be read whole ("
                    + firstLine(e.getMessage()) + "): the archive is damaged.", e);
        }
        if (f == null) {
            throw new ArchiveException("The archive's " + NAME + " holds null instead of a reviews file.");
        }
        check(f, Set.copyOf(groups));
        return f;
    }

    private static void check(ReviewsFile f, Set<String> groups) throws ArchiveException {
        if (f.version() < 1) {
            throw new ArchiveException("The archive's " + NAME + ", field “version”: " + f.version()
                    + " is not a version of the reviews file.");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < f.annotations().size(); i++) {
            ReviewsFile.Entry e = f.annotations().get(i);
            String field = "The archive's " + NAME + ", field “annotations[" + i + "]";
            if (e == null) {
                throw new ArchiveException(field + "”: null where an annotation is required.");
            }
            if (e.id() == null || e.id().isBlank()) {
                throw new ArchiveException(field + ".id”: missing; an annotation without an id cannot be imported "
                        + "once only.");
            }
            if (!ids.add(e.id())) {
                throw new ArchiveException(field + ".id”: the same id appears twice.");
            }
            groupOf(groups, e.groupId(), field);
        }
        for (int i = 0; i < f.statuses().size(); i++) {
            ReviewsFile.Status s = f.statuses().get(i);
            String field = "The archive's " + NAME + ", field “statuses[" + i + "]";
            if (s == null) {
                throw new ArchiveException(field + "”: null where a review status is required.");
            }
            groupOf(groups, s.groupId(), field);
        }
    }

    private static void groupOf(Set<String> groups, String groupId, String field) throws ArchiveException {
        if (groupId == null) {
            throw new ArchiveException(field + ".group_id”: missing.");
        }
        if (!groups.contains(groupId)) {
            throw new ArchiveException(field + ".group_id”: “" + printable(groupId) + "” is not a group of this "
                    + "archive.");
        }
    }

    private static String where(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "" : " (field “" + b + "”)";
    }

    /** A parser's message without Java class names and bounded in length: it is shown to people. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable content";
        }
        String m = message.lines().findFirst().orElse("")
                .replaceAll("Source: [^;\\]]*; ", "")
                .replaceAll("`?(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)`?", "$1");
        m = printable(m);
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    private static String printable(String s) {
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() > 120 ? p.substring(0, 120) + "…" : p;
    }
}
