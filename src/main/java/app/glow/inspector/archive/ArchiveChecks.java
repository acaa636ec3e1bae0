package app.glow.inspector.archive;

import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.RunWithMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an archive's JSON must say before anything is shown: every refusal names the entry and the
 * field, so a reviewer (or whoever made the archive) can find it. Parsed objects are checked here
 * rather than trusted, because a null or a mismatched id would otherwise surface much later as a
 * crash in the list or the detail pane.
 */
final class ArchiveChecks {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern CLASS_NAME = Pattern.compile("(?:[A-Za-z_$][\\w$]*\\.)+([A-Za-z_$][\\w$]*)");

    private ArchiveChecks() {
    }

    /** Parses one JSON entry, turning a parse failure into a sentence naming the entry and the field. */
    static <T> T parse(ObjectMapper mapper, InputStream in, String entry, Class<T> type) throws ArchiveException {
        try (in) {
            T value = mapper.readValue(new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                    // the parser stops at the end of the JSON; the rest is read (and checked) below
                }
            }, type);
            // read to the end: the size and CRC checks happen there, whatever JSON came first
            in.transferTo(java.io.OutputStream.nullOutputStream());
            if (value == null) {
                throw new ArchiveException(entry + " holds null instead of an object.");
            }
            return value;
        } catch (ArchiveException e) {
            throw e;
        } catch (JsonMappingException e) {
            String field = fieldPath(e.getPath());
            throw new ArchiveException(entry + (field.isEmpty() ? "" : ", field “" + field + "”") + ": "
                    + readable(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new ArchiveException(entry + " is not valid JSON: " + readable(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ArchiveException(entry + " could not be read: " + readable(e.getMessage()), e);
        }
    }

    /** Jackson's "through reference chain" as the JSON path a person reads: runs[0].run.cost. */
    static String fieldPath(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** Java class names shortened, exception names dropped, length bounded: a parse error minus the internals. */
    static String readable(String message) {
        if (message == null) {
            return "unreadable content";
        }
        String m = CLASS_NAME.matcher(message.lines().findFirst().orElse("").replace("`", "")).replaceAll("$1")
                .replaceAll("\\(?\\b\\w*(?:Exception|Error)\\b\\)?:?\\s*", "");
        return ZipDirectory.printable(m);
    }

    /**
     * The manifest's own consistency: each group listed once, each file listed once with a path
     * in the contract's layout under a listed group, and what a media file needs to be served.
     */
    static void manifest(ExportManifest m) throws ArchiveException {
        String where = ArchivePaths.MANIFEST;
        if (!ExportManifest.FORMAT.equals(m.format())) {
            throw new ArchiveException("The manifest says format “" + ZipDirectory.printable(m.format())
                    + "”, not “" + ExportManifest.FORMAT + "”.");
        }
        Set<String> groups = new HashSet<>();
        for (int i = 0; i < m.groups().size(); i++) {
            String g = m.groups().get(i);
            if (!ArchivePaths.isSafe(ArchivePaths.groupJson(g)) || g.contains("/")) {
                throw new ArchiveException("The manifest names a group id that escapes the archive: "
                        + ZipDirectory.printable(g));
            }
            if (!groups.add(g)) {
                throw new ArchiveException(where + ", field “groups[" + i + "]”: group " + ZipDirectory.printable(g)
                        + " is listed twice; each group is read once, so the archive was refused.");
            }
        }
        Map<String, Integer> paths = new HashMap<>();
        Map<String, ExportManifest.ExportFile> uploads = new HashMap<>();
        for (int i = 0; i < m.files().size(); i++) {
            ExportManifest.ExportFile f = m.files().get(i);
            String field = where + ", field “files[" + i + "]";
            require(f.path(), field + ".path”");
            require(f.sha256(), field + ".sha256”");
            if (!ArchivePaths.isSafe(f.path())) {
                throw new ArchiveException("The manifest names a path that escapes the archive: "
                        + ZipDirectory.printable(f.path()));
            }
            Integer first = paths.putIfAbsent(f.path(), i);
            if (first != null) {
                throw new ArchiveException(field + "”: " + ZipDirectory.printable(f.path()) + " is already listed as "
                        + "files[" + first + "]; each file is verified once, so the archive was refused.");
            }
            if (f.isReviews()) {
                if (!ExportManifest.REVIEWS_PATH.equals(f.path()) || f.size() < 0
                        || !SHA256.matcher(f.sha256()).matches()) {
                    throw new ArchiveException(field + "”: the reviews entry must be " + ExportManifest.REVIEWS_PATH
                            + " with a size and a SHA-256.");
                }
                continue; // reviews are read and checked by ArchiveReviews
            }
            require(f.kind(), field + ".kind”");
            require(f.uploadId(), field + ".upload_id”");
            if (!isKind(f.kind())) {
                throw new ArchiveException(field + ".kind”: “" + ZipDirectory.printable(f.kind())
                        + "” is not a media kind.");
            }
            if (!inLayout(f)) {
                throw new ArchiveException(field + ".path”: " + ZipDirectory.printable(f.path()) + " is not "
                        + "groups/<group id>/media/" + f.kind() + "/" + ZipDirectory.printable(f.uploadId())
                        + ".");
            }
            if (f.size() < 0) {
                throw new ArchiveException(field + ".size”: " + f.size() + " is not a size.");
            }
            if (!SHA256.matcher(f.sha256()).matches()) {
                throw new ArchiveException(field + ".sha256”: not a SHA-256 (64 hexadecimal digits).");
            }
            ExportManifest.ExportFile same = uploads.putIfAbsent(f.kind() + "/" + f.uploadId(), f);
            if (same != null && (same.size() != f.size() || !same.sha256().equalsIgnoreCase(f.sha256()))) {
                throw new ArchiveException(field + "”: " + f.kind() + " " + ZipDirectory.printable(f.uploadId())
                        + " is listed again with different content.");
            }
        }
    }

    private static boolean isKind(String kind) {
        for (MediaKind k : MediaKind.values()) {
            if (k.wireName().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    /** groups/GROUP/media/KIND/UPLOAD_ID: the contract's layout, so a JSON entry is never served as media. */
    private static boolean inLayout(ExportManifest.ExportFile f) {
        String suffix = "/media/" + f.kind() + "/" + f.uploadId();
        String p = f.path();
        if (!p.startsWith("groups/") || !p.endsWith(suffix) || p.length() <= "groups/".length() + suffix.length()) {
            return false;
        }
        return p.indexOf('/', "groups/".length()) == p.length() - suffix.length();
    }

    /** A group as the list and the detail pane need it: its own id, and no hole where a run should be. */
    static void group(String groupId, String entry, GroupDetail d) throws ArchiveException {
        if (!groupId.equals(d.groupId())) {
            throw new ArchiveException(entry + ", field “group_id”: says “" + ZipDirectory.printable(d.groupId())
                    + "” but the manifest and the path say “" + ZipDirectory.printable(groupId) + "”.");
        }
        if (d.totalMessageCount() < 0) {
            throw new ArchiveException(entry + ", field “total_message_count”: " + d.totalMessageCount()
                    + " is not a count.");
        }
        List<RunWithMessages> runs = d.runs();
        for (int i = 0; i < runs.size(); i++) {
            RunWithMessages rm = runs.get(i);
            String field = entry + ", field “runs[" + i + "].run";
            if (rm.run() == null) {
                throw new ArchiveException(field + "”: missing or null, where a run is required.");
            }
            require(rm.run().id(), field + ".id”");
        }
    }

    private static void require(String value, String field) throws ArchiveException {
        if (value == null) {
            throw new ArchiveException(field + ": missing or null, where a value is required.");
        }
    }
}
