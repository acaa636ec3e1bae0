package app.glow.inspector.archive;

import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.source.Cancellation;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group's export ZIP from the server, checked as it is copied into our archive: its
 * group.json must be the group asked for; a media file is taken only when the server's manifest
 * lists it under this group with a path built from a known kind and a safe upload id, and its
 * bytes match the listed size and SHA-256. The manifest comes first (the contract's layout), so
 * each media file is written once, hashed as it passes, and a file longer than listed is refused
 * at the byte that overflows. Media the manifest does not list are left out; a listed file that
 * is missing or differs refuses the export (the caller throws the half-written archive away).
 * Media that arrive before the manifest wait in the private spool folder until it comes.
 */
final class ServerExport {
    private static final Logger LOG = LoggerFactory.getLogger(ServerExport.class);

    /** Writes the group's detail (as checked) into our archive. */
    @FunctionalInterface
    interface DetailSink {
        void write(GroupDetail detail) throws IOException;
    }

    /** The private folder for media that come before the manifest, made when first needed. */
    @FunctionalInterface
    interface SpoolDir {
        Path get() throws IOException;
    }

    private ServerExport() {
    }

    /**
     * Copies the checked entries of one group's export into {@code zip}.
     *
     * @param id the group asked for, already known to be a safe id
     * @return the media files written, for our manifest
     */
    static List<ExportManifest.ExportFile> copy(String id, InputStream body, boolean includeMedia, ObjectMapper mapper,
                                                ExportZip zip, DetailSink detailSink, SpoolDir spool, Cancellation c)
            throws IOException {
        String prefix = "groups/" + id + "/";
        String groupJson = ArchivePaths.groupJson(id);
        Map<String, ExportManifest.ExportFile> listed = null; // this group's media in the manifest, once read
        Map<String, Spooled> early = new LinkedHashMap<>();
        List<ExportManifest.ExportFile> out = new ArrayList<>();
        boolean manifestSeen = false;
        boolean detailSeen = false;
        try (ZipInputStream in = new ZipInputStream(body)) {
            ZipEntry e;
            Set<String> names = new HashSet<>();
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
                    ExportManifest m = mapper.readValue(new ExportStreams.NonClosingIn(in), ExportManifest.class);
                    manifestSeen = true;
                    if (includeMedia) {
                        listed = listedMedia(id, prefix, m);
                        for (var s : early.entrySet()) {
                            stored(id, listed, s.getKey(), s.getValue(), zip, out);
                        }
                        early.clear();
                    }
                } else if (name.equals(groupJson)) {
                    GroupDetail detail = mapper.readValue(new ExportStreams.NonClosingIn(in), GroupDetail.class);
                    if (!id.equals(detail.groupId())) {
                        throw new ArchiveException("The server's export of " + id + " holds the group.json of "
                                + "another group (" + ArchivePaths.shown(detail.groupId()) + ").");
                    }
                    detailSink.write(detail);
                    detailSeen = true;
                } else if (name.startsWith(prefix + "media/") && includeMedia) {
                    if (listed == null) {
                        early.put(name, Spooled.of(in, spool.get(), c));
                    } else {
                        streamed(id, listed, name, in, zip, out);
                    }
                }
            }
        } finally {
            for (Spooled s : early.values()) {
                s.discard();
            }
        }
        if (!detailSeen) {
            throw new ArchiveException("The server's export of " + id + " has no group.json.");
        }
        if (!includeMedia) {
            return List.of();
        }
        if (!manifestSeen) {
            if (!early.isEmpty()) {
                throw new ArchiveException("The server's export of " + id + " has media but no manifest.json to "
                        + "check them against; export without media instead.");
            }
            return List.of();
        }
        if (!listed.isEmpty()) {
            throw new ArchiveException("The server's export of " + id + " lists " + listed.keySet().iterator().next()
                    + " but does not hold it.");
        }
        return out;
    }

    /** This group's media lines of the manifest, by path; a media path of another shape refuses the export. */
    private static Map<String, ExportManifest.ExportFile> listedMedia(String id, String prefix, ExportManifest manifest)
            throws ArchiveException {
        Map<String, ExportManifest.ExportFile> listed = new LinkedHashMap<>();
        for (ExportManifest.ExportFile f : manifest.files() == null ? List.<ExportManifest.ExportFile>of()
                : manifest.files()) {
            if (f == null || f.path() == null || !f.path().startsWith(prefix + "media/")) {
                continue; // another group's file, or not a media file of this group
            }
            String[] parts = f.path().substring(prefix.length() + "media/".length()).split("/", -1);
            if (parts.length != 2 || !isKind(parts[0]) || !ArchivePaths.isSafeId(parts[1])) {
                throw new ArchiveException("The server's export of " + id + " lists a media path that is not "
                        + "media/<kind>/<upload id>: " + ArchivePaths.shown(f.path()));
            }
            listed.put(f.path(), new ExportManifest.ExportFile(f.path(), parts[0], parts[1], f.size(), f.sha256(),
                    f.contentType(), f.fileName()));
        }
        return listed;
    }

    /** A media entry after the manifest: written straight into our archive, checked as it passes. */
    private static void streamed(String id, Map<String, ExportManifest.ExportFile> listed, String name,
                                 InputStream in, ExportZip zip, List<ExportManifest.ExportFile> out)
            throws IOException {
        ExportManifest.ExportFile l = listed.remove(name);
        if (l == null) {
            // not listed, so not verifiable: left out of the archive
            LOG.warn("leaving out {} of the server's export of {}: its manifest does not list it",
                    ArchivePaths.shown(name), id);
            return;
        }
        ExportZip.Stored s = zip.store(name, in, l.size(), () -> damaged(id, name));
        if (l.sha256() == null || !l.sha256().equalsIgnoreCase(s.sha256()) || l.size() != s.size()) {
            throw damaged(id, name);
        }
        out.add(withHash(l, s.size(), s.sha256()));
    }

    /** A media entry that came before the manifest: checked now, then stored from the spool. */
    private static void stored(String id, Map<String, ExportManifest.ExportFile> listed, String name, Spooled s,
                               ExportZip zip, List<ExportManifest.ExportFile> out) throws IOException {
        ExportManifest.ExportFile l = listed.remove(name);
        if (l == null) {
            LOG.warn("leaving out {} of the server's export of {}: its manifest does not list it",
                    ArchivePaths.shown(name), id);
            s.discard();
            return;
        }
        if (l.sha256() == null || !l.sha256().equalsIgnoreCase(s.sha256()) || l.size() != s.size()) {
            throw damaged(id, name);
        }
        s.storeAs(zip, name);
        out.add(withHash(l, s.size(), s.sha256()));
    }

    private static ExportManifest.ExportFile withHash(ExportManifest.ExportFile l, long size, String sha) {
        return new ExportManifest.ExportFile(l.path(), l.kind(), l.uploadId(), size, sha, l.contentType(),
                l.fileName());
    }

    private static ArchiveException damaged(String id, String path) {
        return new ArchiveException("The server's export of " + id + " is damaged: " + path
                + " does not match its size and SHA-256.");
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
