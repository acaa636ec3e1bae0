package app.glow.inspector.archive;

import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.source.Cancellation;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group's export ZIP from the server, read and checked before anything of it reaches our
 * archive: its group.json must be the group asked for; a media file is taken only when the
 * server's manifest lists it under this group with a path built from a known kind and a safe
 * upload id, and its bytes match the listed size and SHA-256. Media the manifest does not list
 * are left out; a listed file that is missing or differs refuses the export.
 */
final class ServerExport {
    private static final Logger LOG = LoggerFactory.getLogger(ServerExport.class);

    /** A verified media file, ready to store, with its manifest line. */
    record Media(ExportManifest.ExportFile file, Spooled bytes) {
    }

    record Checked(GroupDetail detail, List<Media> media) {
    }

    private ServerExport() {
    }

    /** @param id the group asked for, already known to be a safe id */
    static Checked read(String id, InputStream body, boolean includeMedia, ObjectMapper mapper,
                        java.nio.file.Path spool, Cancellation c) throws Exception {
        ExportManifest manifest = null;
        GroupDetail detail = null;
        Map<String, Spooled> spooled = new LinkedHashMap<>();
        String prefix = "groups/" + id + "/";
        String groupJson = ArchivePaths.groupJson(id);
        try (ZipInputStream in = new ZipInputStream(body)) {
            ZipEntry e;
            java.util.Set<String> names = new java.util.HashSet<>();
            while ((e = in.getNextEntry()) != null) {
                c.throwIfCancelled();
                String name = e.getName();
                if (!ArchivePaths.isSafe(name)) {
                    throw new ArchiveException("The server's export of " + id + " holds an unsafe path: "
                            + ArchivePaths.shown(name));
                }
                if (!names.add(name)) {
                    throw new ArchiveException("The server's export of " + id + " holds " + ArchivePaths.shown(name)
                            + " twice.");
                }
                if (name.equals(ArchivePaths.MANIFEST)) {
                    manifest = mapper.readValue(new ExportStreams.NonClosingIn(in), ExportManifest.class);
                } else if (name.equals(groupJson)) {
                    detail = mapper.readValue(new ExportStreams.NonClosingIn(in), GroupDetail.class);
                } else if (name.startsWith(prefix + "media/") && includeMedia) {
                    spooled.put(name, Spooled.of(in, spool, c));
                }
            }
        }
        if (detail == null) {
            throw new ArchiveException("The server's export of " + id + " has no group.json.");
        }
        if (!id.equals(detail.groupId())) {
            throw new ArchiveException("The server's export of " + id + " holds the group.json of another group ("
                    + ArchivePaths.shown(detail.groupId()) + ").");
        }
        if (!includeMedia) {
            return new Checked(detail, List.of());
        }
        if (manifest == null) {
            if (!spooled.isEmpty()) {
                throw new ArchiveException("The server's export of " + id + " has media but no manifest.json to "
                        + "check them against; export without media instead.");
            }
            return new Checked(detail, List.of());
        }
        return new Checked(detail, verify(id, prefix, manifest, spooled));
    }

    private static List<Media> verify(String id, String prefix, ExportManifest manifest, Map<String, Spooled> spooled)
            throws IOException {
        List<Media> out = new ArrayList<>();
        for (ExportManifest.ExportFile listed : manifest.files()) {
            if (listed == null || listed.path() == null || !listed.path().startsWith(prefix + "media/")) {
                continue; // another group's file, or not a media file of this group
            }
            String[] parts = listed.path().substring(prefix.length() + "media/".length()).split("/", -1);
            if (parts.length != 2 || !isKind(parts[0]) || !ArchivePaths.isSafeId(parts[1])) {
                throw new ArchiveException("The server's export of " + id + " lists a media path that is not "
                        + "media/<kind>/<upload id>: " + ArchivePaths.shown(listed.path()));
            }
            Spooled s = spooled.remove(listed.path());
            if (s == null) {
                throw new ArchiveException("The server's export of " + id + " lists " + listed.path()
                        + " but does not hold it.");
            }
            if (listed.sha256() == null || !listed.sha256().equalsIgnoreCase(s.sha256()) || listed.size() != s.size()) {
                throw new ArchiveException("The server's export of " + id + " is damaged: " + listed.path()
                        + " does not match its size and SHA-256.");
            }
            out.add(new Media(new ExportManifest.ExportFile(listed.path(), parts[0], parts[1], s.size(), s.sha256(),
                    listed.contentType(), listed.fileName()), s));
        }
        for (var unlisted : spooled.entrySet()) {
            // not listed, so not verifiable: left out of the archive
            LOG.warn("leaving out {} of the server's export of {}: its manifest does not list it",
                    ArchivePaths.shown(unlisted.getKey()), id);
            unlisted.getValue().discard();
        }
        return out;
    }

    private static boolean isKind(String wire) {
        for (MediaKind k : MediaKind.values()) {
            if (k.wireName().equals(wire)) {
                return true;
            }
        }
        return false;
    }
}
